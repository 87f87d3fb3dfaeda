package com.example.petclinic.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.example.petclinic.test.ClinicApi;
import com.example.petclinic.test.PetClinicIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document ({@code /v3/api-docs}) against the service itself: the same
 * operations as the handler mappings, and for each operation every status that real
 * requests get, with problem responses in the documented shape.
 */
@PetClinicIntegrationTest
class OpenApiDocumentIntegrationTest {

	private static final String UNKNOWN = UUID.randomUUID().toString();

	private static final MediaType JSON = MediaType.APPLICATION_JSON;

	private static final MediaType TEXT = MediaType.TEXT_PLAIN;

	@Autowired
	private RestTestClient http;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping handlerMappings;

	private JsonNode document;

	@BeforeEach
	void readDocument() {
		this.document = new ClinicApi(this.http).getJson("/v3/api-docs");
	}

	@Test
	void documentsEveryApiEndpointAndNoOther() {
		Set<String> handled = new TreeSet<>();
		this.handlerMappings.getHandlerMethods()
			.keySet()
			.forEach((mapping) -> mapping.getPatternValues()
				.stream()
				.filter((path) -> path.startsWith("/api/"))
				.forEach((path) -> mapping.getMethodsCondition()
					.getMethods()
					.forEach((method) -> handled.add(method.name() + " " + path))));

		assertThat(documentedOperations()).isNotEmpty().isEqualTo(handled);
	}

	@Test
	void declaresEveryStatusThatRequestsGet() {
		ClinicApi api = new ClinicApi(this.http);
		String john = api.createOwner("John Doe", "New York").toString();
		String mary = api.createOwner("Mary Major", "Anytown").toString();
		String pet1 = api.addPet(UUID.fromString(john), "Pet1", "2006-10-25").toString();
		String pet2 = api.addPet(UUID.fromString(john), "Pet2", "2021-07-23").toString();
		api.createSpecialty("Exotic");
		api.createSpecialty("Dogs");
		String akua = api.createVet("Akua Mansa", "Exotic").toString();
		String owner = """
				{"name": "Jane Roe", "city": "Springfield"}""";
		String pet = """
				{"name": "Pet3", "birthDate": "2020-01-01"}""";
		List<Probe> probes = List.of(
		// @formatter:off
				new Probe("GET", "/api/owners", null, null, JSON, 200),
				new Probe("GET", "/api/owners?page=-1", null, null, JSON, 400),
				new Probe("GET", "/api/owners?sort=nope", null, null, JSON, 400),
				new Probe("GET", "/api/owners?cursor=nope", null, null, JSON, 400),
				new Probe("GET", "/api/owners?page=10000", null, null, JSON, 400),
				new Probe("POST", "/api/owners", null, owner, JSON, 201),
				new Probe("POST", "/api/owners", null, "{}", JSON, 400),
				new Probe("POST", "/api/owners", null, "{", JSON, 400),
				new Probe("POST", "/api/owners", null, owner, TEXT, 415),
				new Probe("GET", "/api/owners/{id}", john, null, JSON, 200),
				new Probe("GET", "/api/owners/{id}", UNKNOWN, null, JSON, 404),
				new Probe("GET", "/api/owners/{id}", "not-a-uuid", null, JSON, 400),
				new Probe("PUT", "/api/owners/{id}", mary, owner, JSON, 200),
				new Probe("PUT", "/api/owners/{id}", UNKNOWN, owner, JSON, 404),
				new Probe("PUT", "/api/owners/{id}", mary, owner, TEXT, 415),
				new Probe("DELETE", "/api/owners/{id}", john, null, JSON, 409),
				new Probe("DELETE", "/api/owners/{id}", UNKNOWN, null, JSON, 404),
				new Probe("GET", "/api/owners/{ownerId}/pets", john, null, JSON, 200),
				new Probe("GET", "/api/owners/{ownerId}/pets", UNKNOWN, null, JSON, 404),
				new Probe("POST", "/api/owners/{ownerId}/pets", mary, pet, JSON, 201),
				new Probe("POST", "/api/owners/{ownerId}/pets", UNKNOWN, pet, JSON, 404),
				new Probe("POST", "/api/owners/{ownerId}/pets", mary, "{}", JSON, 400),
				new Probe("POST", "/api/owners/{ownerId}/pets", mary, pet, TEXT, 415),
				new Probe("GET", "/api/pets", null, null, JSON, 200),
				new Probe("GET", "/api/pets?ownerId=nope", null, null, JSON, 400),
				new Probe("GET", "/api/pets/{id}", pet1, null, JSON, 200),
				new Probe("GET", "/api/pets/{id}", UNKNOWN, null, JSON, 404),
				new Probe("PUT", "/api/pets/{id}", pet1, petOf(mary), JSON, 200),
				new Probe("PUT", "/api/pets/{id}", pet1, petOf(UNKNOWN), JSON, 422),
				new Probe("PUT", "/api/pets/{id}", UNKNOWN, petOf(mary), JSON, 404),
				new Probe("PUT", "/api/pets/{id}", pet1, "{", JSON, 400),
				new Probe("PUT", "/api/pets/{id}", pet1, petOf(mary), TEXT, 415),
				new Probe("DELETE", "/api/pets/{id}", pet2, null, JSON, 204),
				new Probe("DELETE", "/api/pets/{id}", UNKNOWN, null, JSON, 404),
				new Probe("GET", "/api/specialties", null, null, JSON, 200),
				new Probe("POST", "/api/specialties", null, "{\"name\": \"Cats\"}", JSON, 201),
				new Probe("POST", "/api/specialties", null, "{\"name\": \"Cats\"}", JSON, 409),
				new Probe("POST", "/api/specialties", null, "{}", JSON, 400),
				new Probe("POST", "/api/specialties", null, "{\"name\": \"Birds\"}", TEXT, 415),
				new Probe("GET", "/api/specialties/{name}", "Exotic", null, JSON, 200),
				new Probe("GET", "/api/specialties/{name}", "Nope", null, JSON, 404),
				new Probe("DELETE", "/api/specialties/{name}", "Exotic", null, JSON, 409),
				new Probe("DELETE", "/api/specialties/{name}", "Dogs", null, JSON, 204),
				new Probe("DELETE", "/api/specialties/{name}", "Nope", null, JSON, 404),
				new Probe("GET", "/api/vets", null, null, JSON, 200),
				new Probe("GET", "/api/vets?size=1000", null, null, JSON, 400),
				new Probe("POST", "/api/vets", null, vet("Exotic"), JSON, 201),
				new Probe("POST", "/api/vets", null, vet("Nope"), JSON, 422),
				new Probe("POST", "/api/vets", null, "{}", JSON, 400),
				new Probe("POST", "/api/vets", null, vet("Exotic"), TEXT, 415),
				new Probe("GET", "/api/vets/{id}", akua, null, JSON, 200),
				new Probe("GET", "/api/vets/{id}", UNKNOWN, null, JSON, 404),
				new Probe("PUT", "/api/vets/{id}", akua, vet("Cats"), JSON, 200),
				new Probe("PUT", "/api/vets/{id}", akua, vet("Nope"), JSON, 422),
				new Probe("PUT", "/api/vets/{id}", UNKNOWN, vet("Cats"), JSON, 404),
				new Probe("PUT", "/api/vets/{id}", akua, "{", JSON, 400),
				new Probe("PUT", "/api/vets/{id}", akua, vet("Cats"), TEXT, 415),
				new Probe("DELETE", "/api/vets/{id}", akua, null, JSON, 204),
				new Probe("DELETE", "/api/vets/{id}", UNKNOWN, null, JSON, 404));
		// @formatter:on

		List<String> undeclared = new ArrayList<>();
		for (Probe probe : probes) {
			EntityExchangeResult<String> result = send(probe);
			int status = result.getStatus().value();
			assertThat(status).as("%s %s", probe.method(), result.getUrl()).isEqualTo(probe.expectedStatus());
			if (status >= 400) {
				assertThat(result.getResponseHeaders().getContentType()).as("%s %s", probe.method(), result.getUrl())
					.isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			}
			if (!declaredStatuses(probe).contains(String.valueOf(status))) {
				undeclared.add(probe.operation() + " answers " + status);
			}
		}
		assertThat(undeclared).isEmpty();
		assertThat(probes.stream().map(Probe::operation).distinct()).as("every documented operation is probed")
			.containsExactlyInAnyOrderElementsOf(documentedOperations());
	}

	@Test
	void documentsTheListsCursorTotalsAndNextLink() {
		for (String list : List.of("/api/owners", "/api/pets", "/api/vets")) {
			JsonNode operation = this.document.get("paths").get(list).get("get");
			assertThat(operation.get("parameters").valueStream().map((parameter) -> parameter.get("name").asString()))
				.as(list)
				.contains("page", "size", "sort", "cursor", "totals");
			assertThat(operation.at("/responses/200/headers/Link/description").asString()).as(list)
				.contains("rel=\"next\"");
			String page = operation.at("/responses/200/content/application~1json/schema/$ref").asString();
			JsonNode metadata = this.document
				.at("/components/schemas/" + page.substring(page.lastIndexOf('/') + 1) + "/properties/page/$ref");
			assertThat(this.document
				.at("/components/schemas/" + metadata.asString().substring(metadata.asString().lastIndexOf('/') + 1)
						+ "/properties")
				.propertyNames()).as(list)
				.containsExactlyInAnyOrder("size", "number", "next", "totalElements", "totalPages");
		}
	}

	@Test
	void documentsProblemsAsProblemDetailsWithFieldErrors() {
		JsonNode schemas = this.document.at("/components/schemas");
		assertThat(schemas.at("/ProblemDetail/properties").propertyNames()).containsExactlyInAnyOrder("type", "title",
				"status", "detail", "instance", "errors");
		assertThat(schemas.at("/ProblemDetail/properties/errors/items/$ref").asString())
			.isEqualTo("#/components/schemas/FieldError");
		assertThat(schemas.at("/FieldError/properties").propertyNames()).containsExactlyInAnyOrder("field", "message");

		List<String> problemResponses = new ArrayList<>();
		this.document.get("paths")
			.forEach((item) -> item.forEach((operation) -> operation.get("responses")
				.properties()
				.stream()
				.filter((response) -> Integer.parseInt(response.getKey()) >= 400)
				.forEach((response) -> problemResponses
					.add(response.getValue().at("/content/application~1problem+json/schema/$ref").asString()))));
		assertThat(problemResponses).isNotEmpty().containsOnly("#/components/schemas/ProblemDetail");
	}

	@Test
	void documentedProblemShapeHasEveryMemberOfARealProblem() {
		JsonNode problem = JsonMapper.shared()
			.readTree(this.http.post()
				.uri("/api/owners")
				.contentType(JSON)
				.body("{}")
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody());
		JsonNode schemas = this.document.at("/components/schemas");

		assertThat(schemas.at("/ProblemDetail/properties").propertyNames()).containsAll(problem.propertyNames());
		assertThat(schemas.at("/FieldError/properties").propertyNames())
			.containsAll(problem.get("errors").get(0).propertyNames());
	}

	private Set<String> documentedOperations() {
		Set<String> operations = new TreeSet<>();
		this.document.get("paths")
			.properties()
			.forEach((path) -> path.getValue()
				.propertyNames()
				.forEach((method) -> operations.add(method.toUpperCase() + " " + path.getKey())));
		return operations;
	}

	private Set<String> declaredStatuses(Probe probe) {
		return new TreeSet<>(this.document.get("paths")
			.get(probe.path())
			.get(probe.method().toLowerCase())
			.get("responses")
			.propertyNames());
	}

	private EntityExchangeResult<String> send(Probe probe) {
		String uri = (probe.pathValue() != null)
				? UriComponentsBuilder.fromUriString(probe.template()).buildAndExpand(probe.pathValue()).toUriString()
				: probe.template();
		RestTestClient.RequestBodySpec request = this.http.method(HttpMethod.valueOf(probe.method())).uri(uri);
		if (probe.body() != null) {
			request.contentType(probe.contentType()).body(probe.body());
		}
		return request.exchange().expectBody(String.class).returnResult();
	}

	private static String petOf(String ownerId) {
		return """
				{"name": "Pet1", "birthDate": "2006-10-25", "ownerId": "%s"}""".formatted(ownerId);
	}

	private static String vet(String specialty) {
		return """
				{"name": "Carlos Salazar", "specialties": ["%s"]}""".formatted(specialty);
	}

	/**
	 * One request and the status it must get.
	 */
	record Probe(String method, String template, @Nullable String pathValue, @Nullable String body,
			MediaType contentType, int expectedStatus) {

		String path() {
			return this.template.replaceFirst("\\?.*", "");
		}

		String operation() {
			return this.method + " " + path();
		}

	}

}
