package com.example.petclinic.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.example.petclinic.test.ClinicApi;
import com.example.petclinic.test.PetClinicIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static com.example.petclinic.test.ProblemAssertions.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An id has one spelling, the canonical 8-4-4-4-12 hexadecimal form of a UUID; any other
 * is a malformed id, in a path, a query parameter or a body alike.
 */
@PetClinicIntegrationTest
class CanonicalIdsIntegrationTest {

	@Autowired
	private ClinicApi api;

	@Test
	void shortenedIdInThePathIsABadRequest() {
		this.api.jdbc()
			.sql("insert into owner (id, name, city) values (?, 'Jo', 'Seattle')")
			.param(UUID.fromString("00000001-0001-0001-0001-000000000001"))
			.update();

		expectProblem(this.api.http().get().uri("/api/owners/1-1-1-1-1").exchange(), HttpStatus.BAD_REQUEST)
			.jsonPath("$.detail")
			.isEqualTo("Failed to convert 'id' with value: '1-1-1-1-1'");
		this.api.http().delete().uri("/api/owners/1-1-1-1-1").exchange().expectStatus().isBadRequest();

		assertThat(this.api.jdbc().sql("select count(*) from owner").query(Long.class).single()).isOne();
	}

	@Test
	void nonAsciiDigitsInAnIdAreABadRequest() {
		UUID owner = this.api.createOwner("Jo", "Seattle");
		String arabicIndic = toArabicIndicDigits(owner.toString());

		this.api.http().get().uri("/api/owners/{id}", arabicIndic).exchange().expectStatus().isBadRequest();
		this.api.http().get().uri("/api/pets?ownerId={id}", arabicIndic).exchange().expectStatus().isBadRequest();
	}

	@Test
	void malformedOwnerIdInAQueryIsABadRequest() {
		this.api.http()
			.get()
			.uri("/api/pets?ownerId=1-1-1-1-1")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void malformedOwnerIdInAPetBodyIsABadRequest() {
		UUID owner = this.api.createOwner("Jo", "Seattle");
		UUID pet = this.api.addPet(owner, "Rex", "2020-01-01");
		this.api.jdbc()
			.sql("insert into owner (id, name, city) values (?, 'Al', 'Seattle')")
			.param(UUID.fromString("00000001-0001-0001-0001-000000000001"))
			.update();

		this.api.http()
			.put()
			.uri("/api/pets/{id}", pet)
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name": "Rex", "birthDate": "2020-01-01", "ownerId": "1-1-1-1-1"}""")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("The request body has an invalid value for 'ownerId'");

		assertThat(this.api.jdbc().sql("select \"ownerId\" from pet").query(UUID.class).single()).isEqualTo(owner);
	}

	@Test
	void canonicalIdInUpperCaseIsTheSameId() {
		UUID owner = this.api.createOwner("Jo", "Seattle");
		String upper = owner.toString().toUpperCase(Locale.ROOT);

		this.api.http()
			.get()
			.uri("/api/owners/{id}", upper)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(owner.toString());
		this.api.http()
			.get()
			.uri("/api/pets?ownerId={id}", upper)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content")
			.isEqualTo(List.of());
	}

	private static String toArabicIndicDigits(String id) {
		StringBuilder result = new StringBuilder();
		id.chars().forEach((c) -> result.append((c >= '0' && c <= '9') ? (char) ('\u0660' + c - '0') : (char) c));
		return result.toString();
	}

}
