package com.example.petclinic.web;

import java.util.UUID;

import com.example.petclinic.test.ClinicApi;
import com.example.petclinic.test.PetClinicIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.example.petclinic.test.ProblemAssertions.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request body is JSON, read as it was written: no value of the wrong type is turned
 * into text, no key counts twice, no text holds half a character, and no other format is
 * read or written.
 */
@PetClinicIntegrationTest
class StrictRequestBodiesIntegrationTest {

	@Autowired
	private ClinicApi api;

	@Test
	void numberOrBooleanForTextIsABadRequest() {
		expectProblem(postOwner("""
				{"name": 123, "city": "Seattle"}"""), HttpStatus.BAD_REQUEST).jsonPath("$.detail")
			.isEqualTo("The request body has an invalid value for 'name'");
		postOwner("""
				{"name": "Jo", "city": true}""").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("The request body has an invalid value for 'city'");
		postOwner("""
				{"name": "Jo", "city": 1.5}""").expectStatus().isBadRequest();

		assertThat(owners()).isZero();
	}

	@Test
	void duplicateKeyIsABadRequest() {
		expectProblem(postOwner("""
				{"name": "Jo", "name": "Al", "city": "Seattle"}"""), HttpStatus.BAD_REQUEST).jsonPath("$.detail")
			.isEqualTo("The request body is not valid JSON");

		assertThat(owners()).isZero();
	}

	@Test
	void loneSurrogateInTextIsABadRequest() {
		expectProblem(postOwner("""
				{"name": "S\\ud800X", "city": "Seattle"}"""), HttpStatus.BAD_REQUEST).jsonPath("$.detail")
			.isEqualTo("The request body has an invalid value for 'name'");
		postOwner("""
				{"name": "Jo", "city": "\\udc00Seattle"}""").expectStatus().isBadRequest();
		this.api.createSpecialty("Cats");
		this.api.http()
			.post()
			.uri("/api/vets")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name": "Vet", "specialties": ["Cats", "Dogs\\ud83d"]}""")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("The request body has an invalid value for 'specialties[1]'");

		assertThat(owners()).isZero();
		assertThat(this.api.jdbc().sql("select count(*) from vet").query(Long.class).single()).isZero();
	}

	@Test
	void surrogatePairInTextIsKept() {
		postOwner("""
				{"name": "S\\ud83d\\ude00X", "city": "Seattle"}""").expectStatus().isCreated();

		assertThat(this.api.jdbc().sql("select name from owner").query(String.class).single())
			.isEqualTo("S\uD83D\uDE00X");
	}

	@Test
	void yamlBodyIsAnUnsupportedMediaType() {
		this.api.http()
			.post()
			.uri("/api/owners")
			.contentType(MediaType.parseMediaType("application/yaml"))
			.body("name: Jo\ncity: Seattle\n")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);

		assertThat(owners()).isZero();
	}

	@Test
	void onlyYamlAcceptedIsNotAcceptable() {
		UUID owner = this.api.createOwner("Jo", "Seattle");

		this.api.http()
			.get()
			.uri("/api/owners/{id}", owner)
			.accept(MediaType.parseMediaType("application/yaml"))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.NOT_ACCEPTABLE)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.api.http()
			.get()
			.uri("/api/owners")
			.accept(MediaType.parseMediaType("application/yaml"))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.NOT_ACCEPTABLE);
	}

	@Test
	void apiDocumentIsStillServedAsYaml() {
		this.api.http()
			.get()
			.uri("/v3/api-docs.yaml")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((yaml) -> assertThat(yaml).startsWith("openapi:"));
	}

	private RestTestClient.ResponseSpec postOwner(String body) {
		return this.api.http().post().uri("/api/owners").contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

	private long owners() {
		return this.api.jdbc().sql("select count(*) from owner").query(Long.class).single();
	}

}
