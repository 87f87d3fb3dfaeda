package com.example.petclinic.test;

import java.util.UUID;

import com.example.petclinic.owner.OwnerResponse;
import com.example.petclinic.pet.PetResponse;
import com.example.petclinic.vet.VetResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Creates the data a test starts from through the API itself, as a client would.
 */
public final class ClinicApi {

	private final RestTestClient http;

	public ClinicApi(RestTestClient http) {
		this.http = http;
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
		return JsonMapper.shared()
			.readTree(this.http.get()
				.uri(uri)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody());
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
