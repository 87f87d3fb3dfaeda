package com.example.petclinic.pet;

import java.util.List;
import java.util.UUID;

import com.example.petclinic.test.ClinicApi;
import com.example.petclinic.test.PetClinicIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/pets?name=} finds the pets whose name starts with the given text,
 * ignoring case, and takes the text literally: LIKE's wildcards in it match only
 * themselves.
 */
@PetClinicIntegrationTest
class PetSearchIntegrationTest {

	@Autowired
	private ClinicApi api;

	@BeforeEach
	void addPets() {
		ClinicApi api = this.api;
		UUID owner = api.createOwner("John Doe", "New York");
		for (String name : List.of("%Percy", "_Under", "Rex", "rexy")) {
			api.addPet(owner, name, "2020-01-01");
		}
		api.addPet(owner, "\\\\Slash", "2020-01-01"); // \Slash, escaped for JSON
	}

	@Test
	void aNameIsAPrefixIgnoringCase() {
		assertThat(namesFound("REX")).containsExactly("Rex", "rexy");
	}

	@Test
	void aPercentSignMatchesOnlyItself() {
		assertThat(namesFound("%")).containsExactly("%Percy");
	}

	@Test
	void anUnderscoreMatchesOnlyItself() {
		assertThat(namesFound("_")).containsExactly("_Under");
	}

	@Test
	void aBackslashMatchesOnlyItself() {
		assertThat(namesFound("\\")).containsExactly("\\Slash");
	}

	private List<String> namesFound(String name) {
		PagedPets page = this.api.http()
			.get()
			.uri((uri) -> uri.path("/api/pets").queryParam("sort", "name").queryParam("name", "{name}").build(name))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(PagedPets.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).isNotNull();
		return page.content().stream().map(PetResponse::name).toList();
	}

	record PagedPets(List<PetResponse> content) {

	}

}
