package com.example.petclinic.pet;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.example.petclinic.test.ClinicApi;
import com.example.petclinic.test.PetClinicIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

@PetClinicIntegrationTest
class PetApiIntegrationTest {

	@Autowired
	private ClinicApi api;

	private UUID john;

	@BeforeEach
	void setUp() {
		this.john = this.api.createOwner("John Doe", "New York");
	}

	@Test
	void addPetToOwnerAnswersCreatedWithLocationAndBody() {
		PetResponse pet = this.api.http()
			.post()
			.uri("/api/owners/{id}/pets", this.john)
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name": "Pet1", "birthDate": "2006-10-25"}""")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.value("Location", (location) -> assertThat(location).matches(".*/api/pets/[0-9a-f-]{36}"))
			.expectBody(PetResponse.class)
			.returnResult()
			.getResponseBody();

		assertThat(pet).isNotNull();
		assertThat(pet).extracting(PetResponse::name, PetResponse::birthDate, PetResponse::ownerId)
			.containsExactly("Pet1", LocalDate.of(2006, 10, 25), this.john);
		assertThat(this.api.jdbc()
			.sql("select \"ownerId\" from pet where id = ?")
			.param(pet.id())
			.query(UUID.class)
			.single()).isEqualTo(this.john);
	}

	@Test
	void addPetToUnknownOwnerIsNotFoundAndWritesNothing() {
		UUID unknown = UUID.randomUUID();

		this.api.http()
			.post()
			.uri("/api/owners/{id}/pets", unknown)
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name": "Pet1", "birthDate": "2006-10-25"}""")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Owner %s does not exist".formatted(unknown));

		assertThat(this.api.jdbc().sql("select count(*) from pet").query(Long.class).single()).isZero();
	}

	@Test
	void listPetsOfOwnerSortedByName() {
		this.api.addPet(this.john, "Rex", "2020-01-01");
		this.api.addPet(this.john, "Bella", "2019-05-05");
		this.api.addPet(this.api.createOwner("Mary Major", "Anytown"), "Tom", "2018-02-02");

		this.api.http()
			.get()
			.uri("/api/owners/{id}/pets", this.john)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[*].name")
			.isEqualTo(List.of("Bella", "Rex"))
			.jsonPath("$[0].ownerId")
			.isEqualTo(this.john.toString());
	}

	@Test
	void listPetsOfUnknownOwnerIsNotFound() {
		this.api.http().get().uri("/api/owners/{id}/pets", UUID.randomUUID()).exchange().expectStatus().isNotFound();
	}

	@Test
	void getPetShowsItsOwner() {
		UUID pet = this.api.addPet(this.john, "Pet1", "2006-10-25");

		this.api.http().get().uri("/api/pets/{id}", pet).exchange().expectStatus().isOk().expectBody().json("""
				{"id": "%s", "name": "Pet1", "birthDate": "2006-10-25", "ownerId": "%s"}""".formatted(pet, this.john));
	}

	@Test
	void searchPetsByNamePrefixAndOwner() {
		UUID mary = this.api.createOwner("Mary Major", "Anytown");
		this.api.addPet(this.john, "Pet1", "2006-10-25");
		this.api.addPet(this.john, "Rex", "2020-01-01");
		this.api.addPet(mary, "Pet3", "2022-03-03");

		this.api.http()
			.get()
			.uri("/api/pets?name=pet")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content[*].name")
			.isEqualTo(List.of("Pet1", "Pet3"));
		this.api.http()
			.get()
			.uri("/api/pets?name=pet&ownerId={owner}&totals=true", mary)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content[*].name")
			.isEqualTo(List.of("Pet3"))
			.jsonPath("$.page.totalElements")
			.isEqualTo(1);
	}

	@Test
	void updatePetMovesItToAnotherOwner() {
		UUID mary = this.api.createOwner("Mary Major", "Anytown");
		UUID pet = this.api.addPet(this.john, "Pet1", "2006-10-25");

		this.api.http()
			.put()
			.uri("/api/pets/{id}", pet)
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name": "Pet One", "birthDate": "2006-10-26", "ownerId": "%s"}""".formatted(mary))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Pet One")
			.jsonPath("$.ownerId")
			.isEqualTo(mary.toString());

		assertThat(
				this.api.jdbc().sql("select \"ownerId\" from pet where id = ?").param(pet).query(UUID.class).single())
			.isEqualTo(mary);
		this.api.http().get().uri("/api/owners/{id}", this.john).exchange().expectBody().jsonPath("$.pets").isEmpty();
	}

	@Test
	void updatePetToUnknownOwnerIsUnprocessableAndChangesNothing() {
		UUID pet = this.api.addPet(this.john, "Pet1", "2006-10-25");
		UUID unknown = UUID.randomUUID();

		this.api.http()
			.put()
			.uri("/api/pets/{id}", pet)
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name": "Pet1", "birthDate": "2006-10-25", "ownerId": "%s"}""".formatted(unknown))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Owner %s does not exist".formatted(unknown));

		assertThat(
				this.api.jdbc().sql("select \"ownerId\" from pet where id = ?").param(pet).query(UUID.class).single())
			.isEqualTo(this.john);
	}

	@Test
	void updatePetRequiresAnOwner() {
		UUID pet = this.api.addPet(this.john, "Pet1", "2006-10-25");

		this.api.http()
			.put()
			.uri("/api/pets/{id}", pet)
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name": "Pet1", "birthDate": "2006-10-25"}""")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("ownerId");
	}

	@Test
	void deletePetRemovesIt() {
		UUID pet = this.api.addPet(this.john, "Pet1", "2006-10-25");

		this.api.http().delete().uri("/api/pets/{id}", pet).exchange().expectStatus().isNoContent();

		assertThat(this.api.jdbc().sql("select count(*) from pet").query(Long.class).single()).isZero();
	}

	@Test
	void unknownPetIsNotFound() {
		UUID unknown = UUID.randomUUID();

		this.api.http()
			.get()
			.uri("/api/pets/{id}", unknown)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Pet %s does not exist".formatted(unknown));
		this.api.http().delete().uri("/api/pets/{id}", unknown).exchange().expectStatus().isNotFound();
	}

	@Test
	void birthDateInTheFutureIsRefused() {
		this.api.http()
			.post()
			.uri("/api/owners/{id}/pets", this.john)
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name": "Pet1", "birthDate": "%s"}""".formatted(LocalDate.now().plusDays(2)))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("birthDate");

		assertThat(this.api.jdbc().sql("select count(*) from pet").query(Long.class).single()).isZero();
	}

	@Test
	void birthDateThatIsNotAnIsoDateIsRefused() {
		this.api.http()
			.post()
			.uri("/api/owners/{id}/pets", this.john)
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name": "Pet1", "birthDate": "25/10/2006"}""")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("The request body has an invalid value for 'birthDate'");
	}

}
