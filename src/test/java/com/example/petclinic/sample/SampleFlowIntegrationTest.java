package com.example.petclinic.sample;

import java.util.List;
import java.util.UUID;

import com.example.petclinic.owner.OwnerResponse;
import com.example.petclinic.pet.PetResponse;
import com.example.petclinic.test.ClinicApi;
import com.example.petclinic.test.PetClinicIntegrationTest;
import com.example.petclinic.vet.VetResponse;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS sample's flow over HTTP: create its owners, pets, specialties and vets, then
 * make its checks.
 */
@PetClinicIntegrationTest
class SampleFlowIntegrationTest {

	@Autowired
	private RestTestClient http;

	@Test
	void theSampleFlowHoldsOverHttp() {
		ClinicApi api = new ClinicApi(this.http);
		UUID john = api.createOwner("John Doe", "New York");
		UUID mary = this.http.post()
			.uri("/api/owners")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.body("""
					{"name": "Mary Major", "city": "Anytown", "telephone": "555-555-0123"}""")
			.exchange()
			.expectBody(OwnerResponse.class)
			.returnResult()
			.getResponseBody()
			.id();
		UUID pet1 = api.addPet(john, "Pet1", "2006-10-25");
		api.addPet(john, "Pet2", "2021-07-23");
		api.createSpecialty("Exotic");
		api.createSpecialty("Dogs");
		api.createSpecialty("Cats");
		UUID akua = api.createVet("Akua Mansa", "Exotic");
		UUID carlos = api.createVet("Carlos Salazar", "Cats", "Dogs");

		PetResponse pet = get("/api/pets/" + pet1, PetResponse.class);
		assertThat(get("/api/owners/" + pet.ownerId(), OwnerResponse.class).name()).isEqualTo("John Doe");
		OwnerResponse johnDoe = get("/api/owners/" + john, OwnerResponse.class);
		assertThat(johnDoe.pets()).hasSize(2);
		assertThat(johnDoe.telephone()).isNull();
		assertThat(get("/api/owners/" + mary, OwnerResponse.class).pets()).isEmpty();
		assertThat(get("/api/vets/" + akua, VetResponse.class).specialties()).isEqualTo(List.of("Exotic"));
		assertThat(get("/api/vets/" + carlos, VetResponse.class).specialties()).isEqualTo(List.of("Cats", "Dogs"));
	}

	private <T> T get(String uri, Class<T> type) {
		return this.http.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(type)
			.returnResult()
			.getResponseBody();
	}

}
