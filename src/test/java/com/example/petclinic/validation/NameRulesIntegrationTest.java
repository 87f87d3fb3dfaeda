package com.example.petclinic.validation;

import java.util.List;
import java.util.UUID;

import com.example.petclinic.test.ClinicApi;
import com.example.petclinic.test.PetClinicIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every name of an owner, pet, vet or specialty, and an owner's city, follow the same
 * rules: stored stripped and composed (NFC), never invisible, no control characters, the
 * limit counted in characters (code points) as the database counts them.
 */
@PetClinicIntegrationTest
class NameRulesIntegrationTest {

	private static final String CAT = "\uD83D\uDC08";

	@Autowired
	private ClinicApi api;

	@Test
	void invisibleOwnerNameAndCityAreBlank() {
		post("/api/owners", """
				{"name": "\u200B", "city": "\u00A0"}""").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.isEqualTo(List.of("city", "name"))
			.jsonPath("$.errors[*].message")
			.isEqualTo(List.of("must not be blank", "must not be blank"));

		assertThat(count("owner")).isZero();
	}

	@Test
	void ownerIsStoredStrippedAndComposed() {
		post("/api/owners", """
				{"name": " Jose\u0301 ", "city": "\u3000Seattle\\t"}""").expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Jos\u00e9")
			.jsonPath("$.city")
			.isEqualTo("Seattle");

		assertThat(this.api.jdbc().sql("select name || '|' || city from owner").query(String.class).single())
			.isEqualTo("Jos\u00e9|Seattle");
	}

	@Test
	void ownerNameOfThirtyCharactersOutsideTheBasicPlaneIsAccepted() {
		post("/api/owners", """
				{"name": "%s", "city": "Seattle"}""".formatted(CAT.repeat(30))).expectStatus().isCreated();
		post("/api/owners", """
				{"name": "%s", "city": "Seattle"}""".formatted(CAT.repeat(31))).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'name')].message")
			.isEqualTo(List.of("size must be between 0 and 30"));

		assertThat(this.api.jdbc().sql("select name from owner").query(String.class).single())
			.isEqualTo(CAT.repeat(30));
	}

	@Test
	void controlCharacterInAPetNameIsRefused() {
		UUID owner = this.api.createOwner("Jo", "Seattle");

		post("/api/owners/" + owner + "/pets", """
				{"name": "Re\\u0000x", "birthDate": "2020-01-01"}""").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].message")
			.isEqualTo(List.of("must not contain control characters"));
		post("/api/owners/" + owner + "/pets", """
				{"name": "\u200B\u200D", "birthDate": "2020-01-01"}""").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].message")
			.isEqualTo(List.of("must not be blank"));

		assertThat(count("pet")).isZero();
	}

	@Test
	void invisiblePetNameInAnUpdateIsBlank() {
		UUID owner = this.api.createOwner("Jo", "Seattle");
		UUID pet = this.api.addPet(owner, "Rex", "2020-01-01");

		this.api.http()
			.put()
			.uri("/api/pets/{id}", pet)
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name": "\u2060", "birthDate": "2020-01-01", "ownerId": "%s"}""".formatted(owner))
			.exchange()
			.expectStatus()
			.isBadRequest();

		assertThat(this.api.jdbc().sql("select name from pet").query(String.class).single()).isEqualTo("Rex");
	}

	@Test
	void vetNameAndSpecialtyNamesFollowTheRules() {
		this.api.createSpecialty("Cats");

		post("/api/vets", """
				{"name": "\u00A0", "specialties": ["Cats", "\u200B"]}""").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].message")
			.isEqualTo(List.of("must not be blank", "must not be blank"));
		post("/api/vets", """
				{"name": " Vet ", "specialties": ["Cats "]}""").expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Vet")
			.jsonPath("$.specialties")
			.isEqualTo(List.of("Cats"));

		assertThat(this.api.jdbc().sql("select \"A\" from \"_SpecialtyToVet\"").query(String.class).single())
			.isEqualTo("Cats");
	}

	@Test
	void emojiSequenceJoinedByInvisibleCharactersIsAName() {
		String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";

		post("/api/owners", """
				{"name": "%s", "city": "Seattle"}""".formatted(family)).expectStatus().isCreated();

		assertThat(this.api.jdbc().sql("select name from owner").query(String.class).single()).isEqualTo(family);
	}

	private RestTestClient.ResponseSpec post(String uri, String body) {
		return this.api.http().post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

	private long count(String table) {
		return this.api.jdbc().sql("select count(*) from " + table).query(Long.class).single();
	}

}
