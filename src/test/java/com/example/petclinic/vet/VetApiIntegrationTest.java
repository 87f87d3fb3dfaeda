package com.example.petclinic.vet;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.example.petclinic.test.ClinicApi;
import com.example.petclinic.test.PetClinicIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

@PetClinicIntegrationTest
class VetApiIntegrationTest {

	@Autowired
	private ClinicApi api;

	@BeforeEach
	void setUp() {
		this.api.createSpecialty("Exotic");
		this.api.createSpecialty("Dogs");
		this.api.createSpecialty("Cats");
	}

	@Test
	void createVetAnswersCreatedWithSpecialtiesSortedByName() {
		VetResponse vet = this.api.http()
			.post()
			.uri("/api/vets")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name": "Carlos Salazar", "specialties": ["Dogs", "Cats"]}""")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.value("Location", (location) -> assertThat(location).matches(".*/api/vets/[0-9a-f-]{36}"))
			.expectBody(VetResponse.class)
			.returnResult()
			.getResponseBody();

		assertThat(vet).isNotNull();
		assertThat(vet.name()).isEqualTo("Carlos Salazar");
		assertThat(vet.specialties()).containsExactly("Cats", "Dogs");
		assertThat(specialtyRowsOf(vet.id())).containsExactly("Cats", "Dogs");
	}

	@Test
	void createVetWithoutSpecialties() {
		this.api.http()
			.post()
			.uri("/api/vets")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name": "Akua Mansa"}""")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.specialties")
			.isEmpty();
	}

	@Test
	void createVetWithUnknownSpecialtiesIsUnprocessableNamingThemAndWritesNothing() {
		this.api.http()
			.post()
			.uri("/api/vets")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name": "Carlos Salazar", "specialties": ["Dogs", "Birds", "Fish"]}""")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Specialties Birds, Fish do not exist");

		assertThat(this.api.jdbc().sql("select count(*) from vet").query(Long.class).single()).isZero();
		assertThat(this.api.jdbc().sql("select count(*) from \"_SpecialtyToVet\"").query(Long.class).single()).isZero();
	}

	@Test
	void listVetsWithTheirSpecialties() {
		this.api.createVet("Carlos Salazar", "Dogs", "Cats");
		this.api.createVet("Akua Mansa", "Exotic");

		this.api.http()
			.get()
			.uri("/api/vets?totals=true")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content[*].name")
			.isEqualTo(List.of("Akua Mansa", "Carlos Salazar"))
			.jsonPath("$.content[1].specialties")
			.isEqualTo(List.of("Cats", "Dogs"))
			.jsonPath("$.page.totalElements")
			.isEqualTo(2);
	}

	@Test
	void listVetsFiltersBySpecialty() {
		this.api.createVet("Carlos Salazar", "Dogs", "Cats");
		this.api.createVet("Akua Mansa", "Exotic");
		this.api.createVet("Liu Jie", "Cats");

		this.api.http()
			.get()
			.uri("/api/vets?specialty=Cats")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content[*].name")
			.isEqualTo(List.of("Carlos Salazar", "Liu Jie"))
			.jsonPath("$.content[0].specialties")
			.isEqualTo(List.of("Cats", "Dogs"));
		assertThat(this.api.getJson("/api/vets?specialty=Birds").get("content").size()).isZero();
	}

	@Test
	void updateVetReplacesNameAndSpecialties() {
		UUID carlos = this.api.createVet("Carlos Salazar", "Dogs", "Cats");

		this.api.http()
			.put()
			.uri("/api/vets/{id}", carlos)
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name": "Carlos S.", "specialties": ["Exotic", "Cats"]}""")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("""
					{"id": "%s", "name": "Carlos S.", "specialties": ["Cats", "Exotic"]}""".formatted(carlos));

		assertThat(specialtyRowsOf(carlos)).containsExactly("Cats", "Exotic");
	}

	@Test
	void updateVetWithUnknownSpecialtyChangesNothing() {
		UUID carlos = this.api.createVet("Carlos Salazar", "Dogs");

		this.api.http()
			.put()
			.uri("/api/vets/{id}", carlos)
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name": "Carlos S.", "specialties": ["Birds"]}""")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Specialty Birds does not exist");

		assertThat(specialtyRowsOf(carlos)).containsExactly("Dogs");
		assertThat(this.api.jdbc().sql("select name from vet").query(String.class).single())
			.isEqualTo("Carlos Salazar");
	}

	@Test
	void deleteVetRemovesItAndItsSpecialtyRows() {
		UUID carlos = this.api.createVet("Carlos Salazar", "Dogs", "Cats");
		UUID akua = this.api.createVet("Akua Mansa", "Exotic");

		this.api.http().delete().uri("/api/vets/{id}", carlos).exchange().expectStatus().isNoContent();

		assertThat(this.api.jdbc().sql("select id from vet").query(UUID.class).list()).containsExactly(akua);
		assertThat(this.api.jdbc().sql("select \"B\" from \"_SpecialtyToVet\"").query(UUID.class).list())
			.containsExactly(akua);
		assertThat(this.api.jdbc().sql("select count(*) from specialty").query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void unknownVetIsNotFound() {
		UUID unknown = UUID.randomUUID();

		this.api.http()
			.get()
			.uri("/api/vets/{id}", unknown)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Vet %s does not exist".formatted(unknown));
		this.api.http().delete().uri("/api/vets/{id}", unknown).exchange().expectStatus().isNotFound();
	}

	@Test
	void vetNameIsValidated() {
		this.api.http()
			.post()
			.uri("/api/vets")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name": " ", "specialties": [""]}""")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value(List.class, (fields) -> assertThat(fields).contains("name")
				.anyMatch((field) -> field.toString().startsWith("specialties")));

		assertThat(this.api.jdbc().sql("select count(*) from vet").query(Long.class).single()).isZero();
	}

	@Test
	void vetWithMoreThanOneHundredSpecialtiesIsABadRequestAndWritesNothing() {
		String specialties = IntStream.rangeClosed(1, 101)
			.mapToObj((i) -> "\"Specialty " + i + "\"")
			.collect(Collectors.joining(", "));

		this.api.http()
			.post()
			.uri("/api/vets")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\": \"Carlos Salazar\", \"specialties\": [" + specialties + "]}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("specialties")
			.jsonPath("$.errors[0].message")
			.isEqualTo("size must be between 0 and 100");

		assertThat(this.api.jdbc().sql("select count(*) from vet").query(Long.class).single()).isZero();
	}

	private List<String> specialtyRowsOf(UUID vet) {
		return this.api.jdbc()
			.sql("select \"A\" from \"_SpecialtyToVet\" where \"B\" = ? order by \"A\"")
			.param(vet)
			.query(String.class)
			.list();
	}

}
