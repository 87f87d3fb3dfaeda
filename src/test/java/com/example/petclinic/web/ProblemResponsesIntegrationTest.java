package com.example.petclinic.web;

import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.example.petclinic.test.ClinicApi;
import com.example.petclinic.test.PetClinicIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.BodyContentSpec;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import static com.example.petclinic.test.ProblemAssertions.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every client mistake is answered with an RFC 9457 problem that says what is wrong, and
 * never with a {@code 500}, a stack trace or SQL.
 */
@PetClinicIntegrationTest
class ProblemResponsesIntegrationTest {

	@Autowired
	private RestTestClient http;

	@Test
	void malformedJsonIsABadRequest() {
		assertProblem(postOwner("{\"name\": \"John\", "), HttpStatus.BAD_REQUEST, "The request body is not valid JSON");
	}

	@Test
	void valueOfTheWrongTypeIsABadRequestNamingTheField() {
		assertProblem(postOwner("{\"name\": [\"John\"], \"city\": \"New York\"}"), HttpStatus.BAD_REQUEST,
				"The request body has an invalid value for 'name'");
	}

	@Test
	void missingBodyIsABadRequest() {
		assertProblem(this.http.post().uri("/api/owners").contentType(MediaType.APPLICATION_JSON).exchange(),
				HttpStatus.BAD_REQUEST, "The request body is missing");
	}

	@Test
	void invalidUuidInThePathIsABadRequest() {
		assertProblem(this.http.get().uri("/api/owners/not-a-uuid").exchange(), HttpStatus.BAD_REQUEST, null);
		assertProblem(this.http.delete().uri("/api/pets/42").exchange(), HttpStatus.BAD_REQUEST, null);
	}

	@Test
	void invalidUuidInTheQueryIsABadRequest() {
		assertProblem(this.http.get().uri("/api/pets?ownerId=nobody").exchange(), HttpStatus.BAD_REQUEST, null);
	}

	@Test
	void unknownSortPropertyIsABadRequestNamingTheSortableOnes() {
		this.http.get()
			.uri("/api/owners?sort=telephone")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).startsWith("Cannot sort by 'telephone'"))
			.jsonPath("$.errors[0].field")
			.isEqualTo("sort");
	}

	@Test
	void unknownSortDirectionIsABadRequest() {
		assertProblem(this.http.get().uri("/api/vets?sort=name,sideways").exchange(), HttpStatus.BAD_REQUEST,
				"Sort direction 'sideways' is neither 'asc' nor 'desc'");
	}

	@Test
	void pageSizeAboveTheMaximumIsABadRequest() {
		this.http.get()
			.uri("/api/owners?size=101")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("size")
			.jsonPath("$.errors[0].message")
			.isEqualTo("must be less than or equal to 100");
	}

	@Test
	void negativeOrNonNumericPageIsABadRequest() {
		this.http.get()
			.uri("/api/owners?page=-1")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("page");
		this.http.get()
			.uri("/api/pets?page=first")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("must be a valid value, not 'first'");
	}

	@Test
	void pageStartingBeyondTheFurthestOffsetIsABadRequest() {
		this.http.get()
			.uri("/api/owners?page=2147483647&size=100")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("page")
			.jsonPath("$.detail")
			.isEqualTo("Page 2147483647 of size 100 would skip 214,748,364,700 rows; numbered pages skip at most "
					+ "10,000. Follow the next link of a page (its cursor) to read further");
	}

	@Test
	void textTheDatabaseCannotStoreIsABadRequestAndNothingIsCreated() {
		String detail = "The request holds a value the database cannot store, such as the character U+0000";
		// In a name the character is a control character, which validation refuses first.
		assertProblem(postOwner("{\"name\": \"Null\\u0000Byte\", \"city\": \"Anytown\"}"), HttpStatus.BAD_REQUEST,
				"The request has 1 invalid value");
		assertProblem(this.http.get()
			.uri((uri) -> uri.path("/api/owners").queryParam("name", "Null\u0000").build())
			.exchange(), HttpStatus.BAD_REQUEST, detail);
		assertThat(new ClinicApi(this.http).getJson("/api/owners?name=Null").get("content").size()).isZero();
	}

	@Test
	void moreSpecialtiesThanTheDatabaseTakesInOneStatementAreRefusedBeforeTheyAreRead() {
		String names = IntStream.range(0, 70_000).mapToObj((i) -> "\"S" + i + "\"").collect(Collectors.joining(", "));

		this.http.post()
			.uri("/api/vets")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name": "Busy Vet", "specialties": [%s]}""".formatted(names))
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(413);
	}

	@Test
	void unsupportedMethodIsMethodNotAllowed() {
		assertProblem(this.http.delete().uri("/api/owners").exchange(), HttpStatus.METHOD_NOT_ALLOWED, null);
		assertProblem(this.http.put().uri("/api/specialties/Cats").exchange(), HttpStatus.METHOD_NOT_ALLOWED, null);
	}

	@Test
	void unsupportedMediaTypeIsUnsupported() {
		assertProblem(
				this.http.post().uri("/api/owners").contentType(MediaType.TEXT_PLAIN).body("name=John Doe").exchange(),
				HttpStatus.UNSUPPORTED_MEDIA_TYPE, null);
	}

	@Test
	void unknownPathIsNotFound() {
		assertProblem(this.http.get().uri("/api/nothing-here").exchange(), HttpStatus.NOT_FOUND, null);
	}

	@Test
	void problemsNeverCarryAStackTraceOrSql() {
		String body = this.http.post()
			.uri("/api/vets")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\": \"Vet\", \"specialties\": {\"not\": \"a list\"}}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(body).doesNotContain("Exception", "at com.", "at org.", "select ", "tools.jackson", "java.");
	}

	@Test
	void unknownOwnerProblemHasEveryMember() {
		UUID unknown = UUID.randomUUID();

		this.http.get()
			.uri("/api/owners/{id}", unknown)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.json("""
					{
					  "type": "about:blank",
					  "title": "Not Found",
					  "status": 404,
					  "detail": "Owner %s does not exist",
					  "instance": "/api/owners/%s"
					}""".formatted(unknown, unknown));
	}

	private ResponseSpec postOwner(String json) {
		return this.http.post().uri("/api/owners").contentType(MediaType.APPLICATION_JSON).body(json).exchange();
	}

	private static void assertProblem(ResponseSpec response, HttpStatus status, @Nullable String detail) {
		response.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		BodyContentSpec body = expectProblem(response, status).jsonPath("$.instance").exists();
		if (detail != null) {
			body.jsonPath("$.detail").isEqualTo(detail);
		}
	}

}
