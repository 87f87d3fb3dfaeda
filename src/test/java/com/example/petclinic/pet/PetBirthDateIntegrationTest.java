package com.example.petclinic.pet;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.example.petclinic.test.ClinicApi;
import com.example.petclinic.test.PetClinicIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A birth date is stored and read back exactly as sent, because only dates from
 * 1900-01-01 to today are taken: older ones would pass the Julian-Gregorian cut-over and
 * the year zero, where the database and Java count days differently.
 */
@PetClinicIntegrationTest
class PetBirthDateIntegrationTest {

	@Autowired
	private ClinicApi api;

	private UUID owner;

	@BeforeEach
	void setUp() {
		this.owner = this.api.createOwner("Jo", "Seattle");
	}

	@Test
	void birthDateBefore1900IsRefused() {
		for (String date : List.of("1582-10-10", "-0001-06-15", "1899-12-31", "0000-01-01")) {
			add(date).expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.errors[*].field")
				.isEqualTo(List.of("birthDate"))
				.jsonPath("$.errors[*].message")
				.isEqualTo(List.of("must be on or after 1900-01-01"));
		}

		assertThat(this.api.jdbc().sql("select count(*) from pet").query(Long.class).single()).isZero();
	}

	@Test
	void birthDateBefore1900IsRefusedInAnUpdate() {
		UUID pet = this.api.addPet(this.owner, "Rex", "2020-01-01");

		this.api.http()
			.put()
			.uri("/api/pets/{id}", pet)
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name": "Rex", "birthDate": "1582-10-10", "ownerId": "%s"}""".formatted(this.owner))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.isEqualTo(List.of("birthDate"));

		assertThat(this.api.jdbc().sql("select \"birthDate\" from pet").query(LocalDate.class).single())
			.isEqualTo(LocalDate.of(2020, 1, 1));
	}

	@Test
	void firstDayOf1900IsStoredAsSent() {
		add("1900-01-01").expectStatus().isCreated().expectBody().jsonPath("$.birthDate").isEqualTo("1900-01-01");

		assertThat(this.api.jdbc().sql("select \"birthDate\"::text from pet").query(String.class).single())
			.isEqualTo("1900-01-01");
	}

	private RestTestClient.ResponseSpec add(String birthDate) {
		return this.api.http()
			.post()
			.uri("/api/owners/{id}/pets", this.owner)
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name": "Rex", "birthDate": "%s"}""".formatted(birthDate))
			.exchange();
	}

}
