package com.example.petclinic.specialty;

import java.util.List;

import com.example.petclinic.test.ClinicApi;
import com.example.petclinic.test.PetClinicIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A specialty's name is its id and part of its address, {@code /api/specialties/{name}}:
 * it is stored in one spelling, and a name that could not be part of that address is
 * refused.
 */
@PetClinicIntegrationTest
class SpecialtyNamesIntegrationTest {

	@Autowired
	private ClinicApi api;

	@Test
	void nameThatCannotBeAPathSegmentIsRefused() {
		for (String name : List.of("Cats/Dogs", "Cats\\\\Dogs", "Cats;Dogs", ".", "..")) {
			create(name).expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.errors[*].field")
				.isEqualTo(List.of("name"));
		}

		assertThat(names()).isEmpty();
	}

	@Test
	void nameWithSpacesAndPunctuationIsAddressableAtItsLocation() {
		for (String name : List.of("Small Mammals", "Birds & Fish?", "100% #1")) {
			String location = create(name).expectStatus()
				.isCreated()
				.returnResult(String.class)
				.getResponseHeaders()
				.getLocation()
				.toString();
			this.api.http()
				.get()
				.uri(java.net.URI.create(location))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.name")
				.isEqualTo(name);
		}
		String location = create("Large Animals").returnResult(String.class)
			.getResponseHeaders()
			.getLocation()
			.toString();

		assertThat(location).endsWith("/api/specialties/Large%20Animals");
		assertThat(names()).containsExactlyInAnyOrder("Small Mammals", "Birds & Fish?", "100% #1", "Large Animals");
	}

	@Test
	void sampleSpecialtiesAreAccepted() {
		this.api.createSpecialty("Exotic");
		this.api.createSpecialty("Dogs");
		this.api.createSpecialty("Cats");

		assertThat(names()).containsExactlyInAnyOrder("Exotic", "Dogs", "Cats");
	}

	@Test
	void surroundingWhitespaceIsNotPartOfTheName() {
		create(" Cats\u00A0").expectStatus().isCreated().expectBody().jsonPath("$.name").isEqualTo("Cats");

		create("Cats ").expectStatus().isEqualTo(409);
		assertThat(names()).containsExactly("Cats");
	}

	@Test
	void nameIsStoredComposed() {
		create("Cafe\u0301").expectStatus().isCreated().expectBody().jsonPath("$.name").isEqualTo("Caf\u00e9");

		create("Caf\u00e9").expectStatus().isEqualTo(409);
		assertThat(names()).containsExactly("Caf\u00e9");
	}

	@Test
	void namesDifferingInCaseAreDifferentSpecialties() {
		this.api.createSpecialty("Cats");
		this.api.createSpecialty("cats");

		assertThat(names()).containsExactlyInAnyOrder("Cats", "cats");
	}

	@Test
	void invisibleNameIsBlank() {
		for (String name : List.of("\u00A0", "\u200B", "\u200B \u2060\u00A0", "\\u0000")) {
			create(name).expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[?(@.field == 'name')].message")
				.isEqualTo(
						List.of((name.startsWith("\\")) ? "must not contain control characters" : "must not be blank"));
		}

		assertThat(names()).isEmpty();
	}

	@Test
	void controlCharacterInsideANameIsRefused() {
		for (String name : List.of("Ca\\tts", "Ca\\u0007ts", "Ca\\nts", "Ca\u0085ts")) {
			create(name).expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[?(@.field == 'name')].message")
				.isEqualTo(List.of("must not contain control characters"));
		}

		assertThat(names()).isEmpty();
	}

	@Test
	void lengthIsCountedInCharactersNotUtf16Units() {
		String cat = "\uD83D\uDC08";

		create(cat.repeat(80)).expectStatus().isCreated();
		create("a" + cat.repeat(80)).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'name')].message")
			.isEqualTo(List.of("size must be between 0 and 80"));

		assertThat(names()).containsExactly(cat.repeat(80));
	}

	private RestTestClient.ResponseSpec create(String name) {
		return this.api.http()
			.post()
			.uri("/api/specialties")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\": \"" + name + "\"}")
			.exchange();
	}

	private List<String> names() {
		return this.api.jdbc().sql("select name from specialty").query(String.class).list();
	}

}
