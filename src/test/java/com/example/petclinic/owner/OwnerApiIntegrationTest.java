package com.example.petclinic.owner;

import java.util.UUID;

import com.example.petclinic.test.ClinicApi;
import com.example.petclinic.test.PetClinicIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

@PetClinicIntegrationTest
class OwnerApiIntegrationTest {

	@Autowired
	private ClinicApi api;

	@Test
	void createOwnerAnswersCreatedWithLocationAndBody() {
		OwnerResponse created = this.api.http()
			.post()
			.uri("/api/owners")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name": "Mary Major", "city": "Anytown", "telephone": "555-555-0123"}""")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(OwnerResponse.class)
			.returnResult()
			.getResponseBody();

		assertThat(created).isNotNull();
		assertThat(created.name()).isEqualTo("Mary Major");
		assertThat(created.city()).isEqualTo("Anytown");
		assertThat(created.telephone()).isEqualTo("555-555-0123");
		assertThat(created.pets()).isEmpty();
		assertThat(this.api.jdbc()
			.sql("select name, city, telephone from owner where id = ?")
			.param(created.id())
			.query((rs, row) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3))
			.single()).isEqualTo("Mary Major|Anytown|555-555-0123");
	}

	@Test
	void createdOwnerIsAtItsLocation() {
		String location = this.api.http()
			.post()
			.uri("/api/owners")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name": "John Doe", "city": "New York"}""")
			.exchange()
			.expectStatus()
			.isCreated()
			.returnResult()
			.getResponseHeaders()
			.getLocation()
			.toString();

		this.api.http()
			.get()
			.uri(location)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("John Doe")
			.jsonPath("$.telephone")
			.isEmpty();
	}

	@Test
	void getOwnerShowsItsPetsSortedByName() {
		UUID john = this.api.createOwner("John Doe", "New York");
		this.api.addPet(john, "Pet2", "2021-07-23");
		this.api.addPet(john, "Pet1", "2006-10-25");

		this.api.http()
			.get()
			.uri("/api/owners/{id}", john)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(john.toString())
			.jsonPath("$.city")
			.isEqualTo("New York")
			.jsonPath("$.pets[*].name")
			.isEqualTo(java.util.List.of("Pet1", "Pet2"))
			.jsonPath("$.pets[0].birthDate")
			.isEqualTo("2006-10-25");
	}

	@Test
	void listOwnersIsAPageWithItsMetadata() {
		this.api.createOwner("John Doe", "New York");
		this.api.createOwner("Mary Major", "Anytown");
		this.api.createOwner("Akira Tanaka", "Kyoto");

		this.api.http()
			.get()
			.uri("/api/owners?size=2&totals=true")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content[*].name")
			.isEqualTo(java.util.List.of("Akira Tanaka", "John Doe"))
			.jsonPath("$.page.size")
			.isEqualTo(2)
			.jsonPath("$.page.number")
			.isEqualTo(0)
			.jsonPath("$.page.totalElements")
			.isEqualTo(3)
			.jsonPath("$.page.totalPages")
			.isEqualTo(2);
	}

	@Test
	void listOwnersHasTwentyPerPageByDefault() {
		for (int i = 0; i < 21; i++) {
			this.api.createOwner("Owner %02d".formatted(i), "Anytown");
		}

		this.api.http()
			.get()
			.uri("/api/owners?totals=true")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content.length()")
			.isEqualTo(20)
			.jsonPath("$.page.size")
			.isEqualTo(20)
			.jsonPath("$.page.totalElements")
			.isEqualTo(21);
	}

	@Test
	void listOwnersFiltersByNamePrefixIgnoringCase() {
		this.api.createOwner("John Doe", "New York");
		this.api.createOwner("Johanna Smith", "Boston");
		this.api.createOwner("Mary Major", "Anytown");

		this.api.http()
			.get()
			.uri("/api/owners?name=joh")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content[*].name")
			.isEqualTo(java.util.List.of("Johanna Smith", "John Doe"));
	}

	@Test
	void listOwnersSortsByRequestedProperty() {
		this.api.createOwner("John Doe", "New York");
		this.api.createOwner("Mary Major", "Anytown");

		this.api.http()
			.get()
			.uri("/api/owners?sort=city,desc")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content[*].city")
			.isEqualTo(java.util.List.of("New York", "Anytown"));
	}

	@Test
	void listOwnersBeyondTheLastPageIsEmptyNotNotFound() {
		this.api.createOwner("John Doe", "New York");

		this.api.http()
			.get()
			.uri("/api/owners?page=5&totals=true")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content")
			.isEmpty()
			.jsonPath("$.page.totalElements")
			.isEqualTo(1);
	}

	@Test
	void updateOwnerReplacesItsFields() {
		UUID mary = this.api.createOwner("Mary Major", "Anytown");

		this.api.http()
			.put()
			.uri("/api/owners/{id}", mary)
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name": "Mary Minor", "city": "Springfield", "telephone": "+1 (555) 010-9999"}""")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Mary Minor")
			.jsonPath("$.telephone")
			.isEqualTo("+1 (555) 010-9999");

		assertThat(this.api.jdbc().sql("select city from owner where id = ?").param(mary).query(String.class).single())
			.isEqualTo("Springfield");
	}

	@Test
	void deleteOwnerWithoutPetsRemovesIt() {
		UUID mary = this.api.createOwner("Mary Major", "Anytown");

		this.api.http().delete().uri("/api/owners/{id}", mary).exchange().expectStatus().isNoContent();

		assertThat(this.api.jdbc().sql("select count(*) from owner").query(Long.class).single()).isZero();
		this.api.http().get().uri("/api/owners/{id}", mary).exchange().expectStatus().isNotFound();
	}

	@Test
	void deleteOwnerWithPetsIsAConflictAndDeletesNothing() {
		UUID john = this.api.createOwner("John Doe", "New York");
		this.api.addPet(john, "Pet1", "2006-10-25");

		this.api.http()
			.delete()
			.uri("/api/owners/{id}", john)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(409)
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains(john.toString()).contains("still has pets"));

		assertThat(this.api.jdbc().sql("select count(*) from owner").query(Long.class).single()).isOne();
		assertThat(this.api.jdbc().sql("select count(*) from pet").query(Long.class).single()).isOne();
	}

	@Test
	void unknownOwnerIsNotFound() {
		UUID unknown = UUID.randomUUID();

		for (var request : java.util.List.of(this.api.http().get().uri("/api/owners/{id}", unknown),
				this.api.http().delete().uri("/api/owners/{id}", unknown),
				this.api.http()
					.put()
					.uri("/api/owners/{id}", unknown)
					.contentType(MediaType.APPLICATION_JSON)
					.body("{\"name\": \"X\", \"city\": \"Y\"}"))) {
			request.exchange()
				.expectStatus()
				.isNotFound()
				.expectBody()
				.jsonPath("$.detail")
				.isEqualTo("Owner %s does not exist".formatted(unknown))
				.jsonPath("$.instance")
				.isEqualTo("/api/owners/" + unknown);
		}
	}

	@Test
	void ownerFieldsAreValidatedAgainstTheColumns() {
		this.api.http()
			.post()
			.uri("/api/owners")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name": "%s", "city": "", "telephone": "call me"}""".formatted("x".repeat(31)))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Bad Request")
			.jsonPath("$.errors[*].field")
			.isEqualTo(java.util.List.of("city", "name", "telephone"))
			.jsonPath("$.errors[?(@.field == 'name')].message")
			.isEqualTo(java.util.List.of("size must be between 0 and 30"));

		assertThat(this.api.jdbc().sql("select count(*) from owner").query(Long.class).single()).isZero();
	}

	@Test
	void telephoneIsOptionalAndLimitedToTwentyCharacters() {
		this.api.http()
			.post()
			.uri("/api/owners")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name": "John Doe", "city": "New York", "telephone": "123456789012345678901"}""")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("telephone");
	}

}
