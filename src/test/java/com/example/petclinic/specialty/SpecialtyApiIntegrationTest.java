package com.example.petclinic.specialty;

import java.util.List;

import com.example.petclinic.test.ClinicApi;
import com.example.petclinic.test.PetClinicIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

@PetClinicIntegrationTest
class SpecialtyApiIntegrationTest {

	@Autowired
	private ClinicApi api;

	@Test
	void createSpecialtyAnswersCreatedWithLocation() {
		this.api.http()
			.post()
			.uri("/api/specialties")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name": "Exotic"}""")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.value("Location", (location) -> assertThat(location).endsWith("/api/specialties/Exotic"))
			.expectBody()
			.json("""
					{"name": "Exotic"}""");

		assertThat(this.api.jdbc().sql("select name from specialty").query(String.class).list())
			.containsExactly("Exotic");
	}

	@Test
	void duplicateSpecialtyIsAConflict() {
		this.api.createSpecialty("Dogs");

		this.api.http()
			.post()
			.uri("/api/specialties")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name": "Dogs"}""")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Specialty Dogs already exists");

		assertThat(this.api.jdbc().sql("select count(*) from specialty").query(Long.class).single()).isOne();
	}

	@Test
	void listSpecialtiesSortedByName() {
		this.api.createSpecialty("Exotic");
		this.api.createSpecialty("Dogs");
		this.api.createSpecialty("Cats");

		this.api.http()
			.get()
			.uri("/api/specialties")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[*].name")
			.isEqualTo(List.of("Cats", "Dogs", "Exotic"));
	}

	@Test
	void getSpecialtyByName() {
		this.api.createSpecialty("Exotic");

		this.api.http().get().uri("/api/specialties/Exotic").exchange().expectStatus().isOk().expectBody().json("""
				{"name": "Exotic"}""");
		this.api.http()
			.get()
			.uri("/api/specialties/Birds")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Specialty Birds does not exist");
	}

	@Test
	void deleteUnusedSpecialtyRemovesIt() {
		this.api.createSpecialty("Exotic");

		this.api.http().delete().uri("/api/specialties/Exotic").exchange().expectStatus().isNoContent();

		assertThat(this.api.jdbc().sql("select count(*) from specialty").query(Long.class).single()).isZero();
	}

	@Test
	void deleteSpecialtyAVetHasIsAConflictAndDeletesNothing() {
		this.api.createSpecialty("Exotic");
		this.api.createVet("Akua Mansa", "Exotic");

		this.api.http()
			.delete()
			.uri("/api/specialties/Exotic")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Specialty Exotic is still assigned to a vet; remove it from every vet first");

		assertThat(this.api.jdbc().sql("select count(*) from specialty").query(Long.class).single()).isOne();
		assertThat(this.api.jdbc().sql("select count(*) from \"_SpecialtyToVet\"").query(Long.class).single()).isOne();
	}

	@Test
	void specialtyNameIsValidated() {
		this.api.http()
			.post()
			.uri("/api/specialties")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name": "%s"}""".formatted("x".repeat(81)))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("name");
		this.api.http()
			.post()
			.uri("/api/specialties")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("must not be blank");

		assertThat(this.api.jdbc().sql("select count(*) from specialty").query(Long.class).single()).isZero();
	}

}
