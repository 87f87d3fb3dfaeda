package com.example.petclinic.web;

import java.util.UUID;

import com.example.petclinic.test.ClinicApi;
import com.example.petclinic.test.PetClinicIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single resources carry an {@code ETag}; {@code PUT} and {@code DELETE} with
 * {@code If-Match} apply only to the version the client read.
 */
@PetClinicIntegrationTest
class ConditionalRequestIntegrationTest {

	private static final String JOHN_SMITH = """
			{"name": "John Smith", "city": "Boston"}""";

	@Autowired
	private ClinicApi api;

	private UUID ownerId;

	@BeforeEach
	void createOwner() {
		this.ownerId = this.api.createOwner("John Doe", "New York");
	}

	@Test
	void aSingleResourceHasAStrongETagThatChangesWithItsRepresentation() {
		String first = etag("/api/owners/" + this.ownerId);

		assertThat(first).matches("\"[0-9a-f]{32}\"");
		assertThat(etag("/api/owners/" + this.ownerId)).isEqualTo(first);
		this.api.addPet(this.ownerId, "Pet1", "2006-10-25");
		assertThat(etag("/api/owners/" + this.ownerId)).isNotEqualTo(first);
	}

	@Test
	void putWithTheCurrentETagUpdatesAndAnswersTheNewETag() {
		String etag = etag("/api/owners/" + this.ownerId);

		String newEtag = put("/api/owners/" + this.ownerId, etag, JOHN_SMITH).expectStatus()
			.isOk()
			.returnResult()
			.getResponseHeaders()
			.getETag();

		assertThat(newEtag).isNotEqualTo(etag).isEqualTo(etag("/api/owners/" + this.ownerId));
		assertThat(ownerName()).isEqualTo("John Smith");
	}

	@Test
	void putWithAStaleETagIsRefusedWith412AndChangesNothing() {
		String stale = etag("/api/owners/" + this.ownerId);
		put("/api/owners/" + this.ownerId, null, """
				{"name": "Someone Else", "city": "New York"}""").expectStatus().isOk();

		put("/api/owners/" + this.ownerId, stale, JOHN_SMITH).expectStatus()
			.isEqualTo(412)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).startsWith("The resource has changed since it was read"));
		assertThat(ownerName()).isEqualTo("Someone Else");
	}

	@Test
	void putWithoutIfMatchStillUpdates() {
		put("/api/owners/" + this.ownerId, null, JOHN_SMITH).expectStatus().isOk();

		assertThat(ownerName()).isEqualTo("John Smith");
	}

	@Test
	void putWithIfMatchAnyUpdatesAnExistingResource() {
		put("/api/owners/" + this.ownerId, "*", JOHN_SMITH).expectStatus().isOk();

		assertThat(ownerName()).isEqualTo("John Smith");
	}

	@Test
	void putWithIfMatchAnyOfAResourceThatDoesNotExistIs404AndCreatesNothing() {
		put("/api/owners/" + UUID.randomUUID(), "*", JOHN_SMITH).expectStatus().isNotFound();

		assertThat(this.api.jdbc().sql("select count(*) from owner").query(Long.class).single()).isOne();
	}

	@Test
	void deleteWithIfMatchAnyDeletes() {
		this.api.http()
			.delete()
			.uri("/api/owners/" + this.ownerId)
			.header(HttpHeaders.IF_MATCH, "*")
			.exchange()
			.expectStatus()
			.isNoContent();

		assertThat(this.api.jdbc().sql("select count(*) from owner").query(Long.class).single()).isZero();
	}

	@Test
	void deleteWithAStaleETagIsRefusedWith412AndWithTheCurrentOneDeletes() {
		String stale = etag("/api/owners/" + this.ownerId);
		put("/api/owners/" + this.ownerId, null, JOHN_SMITH).expectStatus().isOk();

		this.api.http()
			.delete()
			.uri("/api/owners/" + this.ownerId)
			.header(HttpHeaders.IF_MATCH, stale)
			.exchange()
			.expectStatus()
			.isEqualTo(412);
		assertThat(ownerName()).isEqualTo("John Smith");
		this.api.http()
			.delete()
			.uri("/api/owners/" + this.ownerId)
			.header(HttpHeaders.IF_MATCH, etag("/api/owners/" + this.ownerId))
			.exchange()
			.expectStatus()
			.isNoContent();
		assertThat(this.api.jdbc().sql("select count(*) from owner").query(Long.class).single()).isZero();
	}

	@Test
	void petsVetsAndSpecialtiesHonourIfMatchToo() {
		UUID petId = this.api.addPet(this.ownerId, "Pet1", "2006-10-25");
		String pet = """
				{"name": "Pet2", "birthDate": "2006-10-25", "ownerId": "%s"}""".formatted(this.ownerId);
		this.api.createSpecialty("Dogs");
		this.api.createSpecialty("Cats");
		UUID vetId = this.api.createVet("Carlos Salazar", "Dogs");
		String vet = """
				{"name": "Akua Mansa", "specialties": ["Dogs"]}""";

		put("/api/pets/" + petId, "\"0123456789abcdef0123456789abcdef\"", pet).expectStatus().isEqualTo(412);
		put("/api/pets/" + petId, etag("/api/pets/" + petId), pet).expectStatus().isOk();
		put("/api/vets/" + vetId, "W/" + etag("/api/vets/" + vetId), vet).expectStatus().isEqualTo(412);
		put("/api/vets/" + vetId, etag("/api/vets/" + vetId), vet).expectStatus().isOk();
		this.api.http()
			.delete()
			.uri("/api/specialties/Cats")
			.header(HttpHeaders.IF_MATCH, etag("/api/specialties/Dogs"))
			.exchange()
			.expectStatus()
			.isEqualTo(412);
		this.api.http()
			.delete()
			.uri("/api/specialties/Cats")
			.header(HttpHeaders.IF_MATCH, etag("/api/specialties/Cats"))
			.exchange()
			.expectStatus()
			.isNoContent();
		assertThat(this.api.jdbc().sql("select name from pet").query(String.class).single()).isEqualTo("Pet2");
		assertThat(this.api.jdbc().sql("select name from vet").query(String.class).single()).isEqualTo("Akua Mansa");
	}

	@Test
	void getWithIfNoneMatchOfTheCurrentETagAnswers304() {
		String etag = etag("/api/owners/" + this.ownerId);

		this.api.http()
			.get()
			.uri("/api/owners/" + this.ownerId)
			.header(HttpHeaders.IF_NONE_MATCH, etag)
			.exchange()
			.expectStatus()
			.isNotModified();
	}

	private String etag(String uri) {
		String etag = this.api.http()
			.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult()
			.getResponseHeaders()
			.getETag();
		assertThat(etag).as("ETag of " + uri).isNotNull();
		return etag;
	}

	private RestTestClient.ResponseSpec put(String uri, @Nullable String ifMatch, String json) {
		RestTestClient.RequestBodySpec request = this.api.http().put().uri(uri).contentType(MediaType.APPLICATION_JSON);
		if (ifMatch != null) {
			request.header(HttpHeaders.IF_MATCH, ifMatch);
		}
		return request.body(json).exchange();
	}

	private String ownerName() {
		return this.api.jdbc()
			.sql("select name from owner where id = ?")
			.param(this.ownerId)
			.query(String.class)
			.single();
	}

}
