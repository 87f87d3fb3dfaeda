package com.example.petclinic.web;

import java.util.UUID;

import com.example.petclinic.test.ClinicApi;
import com.example.petclinic.test.PetClinicIntegrationTest;
import com.example.petclinic.test.SqlStatements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists and single reads cost a fixed number of SQL statements, whatever the number of
 * rows: no N+1 queries, and no count of the whole list unless it is asked for. (What they
 * cost in round trips, transactions included, is counted at the wire by
 * {@code database.RoundTripsPerRequestIntegrationTest}.)
 */
@PetClinicIntegrationTest
class StatementCountIntegrationTest {

	@Autowired
	private RestTestClient http;

	@Autowired
	private SqlStatements sql;

	private ClinicApi api;

	@BeforeEach
	void setUp() {
		this.api = new ClinicApi(this.http);
	}

	@Test
	void aPageOfOwnersWithTheirPetsTakesTwoStatementsAndCountsNothing() {
		for (int i = 0; i < 30; i++) {
			UUID owner = this.api.createOwner("Owner %02d".formatted(i), "Anytown");
			this.api.addPet(owner, "Pet %02d".formatted(i), "2020-01-01");
			this.api.addPet(owner, "Other %02d".formatted(i), "2021-01-01");
		}
		this.sql.clear();

		this.http.get()
			.uri("/api/owners?size=25")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content.length()")
			.isEqualTo(25)
			.jsonPath("$.content[24].pets.length()")
			.isEqualTo(2);

		assertThat(this.sql.recorded()).hasSize(2).noneMatch((statement) -> statement.contains("count("));
	}

	@Test
	void totalsCostOneStatementMoreOnlyWhenAsked() {
		this.api.createOwner("John Doe", "New York");
		this.sql.clear();

		this.http.get()
			.uri("/api/owners?totals=true")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.page.totalElements")
			.isEqualTo(1);

		assertThat(this.sql.recorded()).hasSize(3).filteredOn((statement) -> statement.contains("count(")).hasSize(1);
	}

	@Test
	void oneOwnerWithItsPetsTakesOneStatement() {
		UUID owner = this.api.createOwner("John Doe", "New York");
		this.api.addPet(owner, "Pet1", "2006-10-25");
		this.api.addPet(owner, "Pet2", "2021-07-23");
		this.sql.clear();

		this.http.get()
			.uri("/api/owners/{id}", owner)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.pets.length()")
			.isEqualTo(2);

		assertThat(this.sql.recorded()).hasSize(1);
	}

	@Test
	void aPageOfVetsWithTheirSpecialtiesTakesTwoStatementsAndCountsNothing() {
		this.api.createSpecialty("Cats");
		this.api.createSpecialty("Dogs");
		for (int i = 0; i < 25; i++) {
			this.api.createVet("Vet %02d".formatted(i), "Cats", "Dogs");
		}
		this.sql.clear();

		this.http.get()
			.uri("/api/vets?size=20")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content[19].specialties.length()")
			.isEqualTo(2);

		assertThat(this.sql.recorded()).hasSize(2).noneMatch((statement) -> statement.contains("count("));
	}

}
