package com.example.petclinic.test;

import java.util.UUID;

import com.example.petclinic.owner.OwnerResponse;
import com.example.petclinic.pet.PetResponse;
import com.example.petclinic.vet.VetResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Creates the data a test starts from through the API itself, as a client would, and
 * gives a test the service's HTTP client and the database. A test of the whole service
 * has it injected; it is created when first injected, once the server has its port.
 */
@TestComponent
@Lazy
public final class ClinicApi {

	private final RestTestClient http;

	private final @Nullable JdbcClient jdbc;

	@Autowired
	ClinicApi(RestTestClient http, JdbcClient jdbc) {
		this.http = http;
		this.jdbc = jdbc;
	}

	/**
	 * Fixtures over the given client only, without the database.
	 */
	public ClinicApi(RestTestClient http) {
		this.http = http;
		this.jdbc = null;
	}

	/** The client of the service under test. */
	public RestTestClient http() {
		return this.http;
	}

	/** The test database, as the service sees it. */
	public JdbcClient jdbc() {
		if (this.jdbc == null) {
			throw new IllegalStateException("This ClinicApi was made without the database; inject it instead");
		}
		return this.jdbc;
	}

	public UUID createOwner(String name, String city) {
		return post("/api/owners", """
				{"name": "%s", "city": "%s"}""".formatted(name, city), OwnerResponse.class).id();
	}

	public UUID addPet(UUID ownerId, String name, String birthDate) {
		return post("/api/owners/" + ownerId + "/pets", """
				{"name": "%s", "birthDate": "%s"}""".formatted(name, birthDate), PetResponse.class).id();
	}

	public void createSpecialty(String name) {
		this.http.post().uri("/api/specialties").contentType(MediaType.APPLICATION_JSON).body("""
				{"name": "%s"}""".formatted(name)).exchange().expectStatus().isEqualTo(HttpStatus.CREATED);
	}

	public UUID createVet(String name, String... specialties) {
		String names = String.join("\", \"", specialties);
		return post("/api/vets", """
				{"name": "%s", "specialties": [%s]}""".formatted(name,
				(specialties.length > 0) ? "\"" + names + "\"" : ""), VetResponse.class)
			.id();
	}

	/**
	 * The JSON body of a {@code GET} that must answer {@code 200}.
	 */
	public JsonNode getJson(String uri) {
		return JsonMapper.shared().readTree(okBody(this.http.get().uri(uri).exchange()));
	}

	/**
	 * The body of a {@code PUT} of JSON that must answer {@code 200}.
	 */
	public String putJson(String uri, String json) {
		return okBody(this.http.put().uri(uri).contentType(MediaType.APPLICATION_JSON).body(json).exchange());
	}

	private static String okBody(RestTestClient.ResponseSpec response) {
		String body = response.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		if (body == null) {
			throw new IllegalStateException("The response had no body");
		}
		return body;
	}

	private <T> T post(String uri, String json, Class<T> type) {
		T body = this.http.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CREATED)
			.expectBody(type)
			.returnResult()
			.getResponseBody();
		if (body == null) {
			throw new IllegalStateException("POST " + uri + " answered without a body");
		}
		return body;
	}

}
