package com.example.petclinic.security;

import java.util.UUID;

import com.example.petclinic.test.ClinicApi;
import com.example.petclinic.test.PetClinicIntegrationTest;
import com.example.petclinic.test.TokenIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import static com.example.petclinic.test.ProblemAssertions.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything around the API's own endpoints when tokens are required: the management
 * endpoints (health open, the rest for the management scope), the API document and its
 * security, unknown paths, the response headers, no session, no cross-origin calls, and
 * the log of changes, which names the token's subject and never the token.
 */
@ExtendWith(OutputCaptureExtension.class)
@PetClinicIntegrationTest
class SecuredServiceIntegrationTest extends SecuredApiIntegrationTest {

	@Autowired
	private ClinicApi api;

	private RestTestClient http() {
		return this.api.http();
	}

	private RestTestClient with(String... scopes) {
		return as(http(), ISSUER.token(scopes).sign());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness" })
	void healthAndItsProbesNeedNoToken(String path) {
		http().get().uri(path).exchange().expectStatus().isOk();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator", "/actuator/info", "/actuator/prometheus" })
	void theOtherManagementEndpointsNeedTheManagementScope(String path) {
		expectProblem(http().get().uri(path).exchange(), HttpStatus.UNAUTHORIZED);
		expectProblem(with("petclinic.read", "petclinic.write").get().uri(path).exchange(), HttpStatus.FORBIDDEN)
			.jsonPath("$.detail")
			.isEqualTo("The access token does not grant this request; it needs the scope petclinic.management");
		with("petclinic.management").get().uri(path).exchange().expectStatus().isOk();
	}

	@Test
	void theApiDocumentIsOpenAndDeclaresTheBearerSchemeAndTheScopesOfEachOperation() {
		JsonNode document = this.api.getJson("/v3/api-docs");

		JsonNode scheme = document.at("/components/securitySchemes/bearer");
		assertThat(scheme.get("type").asString()).isEqualTo("http");
		assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
		assertThat(scheme.get("bearerFormat").asString()).isEqualTo("JWT");
		assertThat(document.at("/paths/~1api~1owners/get/security").toString())
			.isEqualTo("[{\"bearer\":[\"petclinic.read\"]},{\"bearer\":[\"petclinic.write\"]}]");
		assertThat(document.at("/paths/~1api~1owners/post/security").toString())
			.isEqualTo("[{\"bearer\":[\"petclinic.write\"]}]");
		assertThat(document.at("/paths/~1api~1vets~1{id}/delete/security").toString())
			.isEqualTo("[{\"bearer\":[\"petclinic.write\"]}]");
		for (String status : new String[] { "401", "403" }) {
			assertThat(document.at("/paths/~1api~1owners/get/responses/" + status + "/content")
				.has(MediaType.APPLICATION_PROBLEM_JSON_VALUE)).as(status).isTrue();
		}
	}

	@Test
	void swaggerUiLoadsWithoutAToken() {
		http().get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
	}

	@Test
	void theProtectedResourceMetadataNamesTheIssuerAndTheScopes() {
		JsonNode metadata = this.api.getJson("/.well-known/oauth-protected-resource");

		assertThat(metadata.get("authorization_servers").toString()).isEqualTo("[\"" + TokenIssuer.ISSUER + "\"]");
		assertThat(metadata.get("scopes_supported").toString())
			.isEqualTo("[\"petclinic.read\",\"petclinic.write\",\"petclinic.management\"]");
	}

	@Test
	void anUnknownPathNeedsATokenBeforeItIsNotFound() {
		expectProblem(http().get().uri("/nothing-here").exchange(), HttpStatus.UNAUTHORIZED);
		expectProblem(with("petclinic.read").get().uri("/nothing-here").exchange(), HttpStatus.NOT_FOUND);
	}

	@Test
	void aBrowserWithoutATokenGetsAProblemNeverALoginPageOrRedirect() {
		ResponseSpec response = http().get().uri("/api/owners").accept(MediaType.TEXT_HTML).exchange();

		expectProblem(response, HttpStatus.UNAUTHORIZED).jsonPath("$.instance").isEqualTo("/api/owners");
	}

	@Test
	void traceIsStillAMethodNotAllowedProblem() {
		expectProblem(http().method(HttpMethod.TRACE).uri("/api/owners").exchange(), HttpStatus.METHOD_NOT_ALLOWED);
	}

	@Test
	void noSessionIsMadeAndNoCookieSent() {
		ResponseSpec created = with("petclinic.write").post()
			.uri("/api/owners")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\": \"Jane Roe\", \"city\": \"Springfield\"}")
			.exchange();

		created.expectStatus().isCreated().expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
		http().get().uri("/api/owners").exchange().expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
	}

	@Test
	void responsesCarrySpringSecuritysDefaultHeaders() {
		for (ResponseSpec response : new ResponseSpec[] { with("petclinic.read").get().uri("/api/owners").exchange(),
				http().get().uri("/api/owners").exchange() }) {
			response.expectHeader()
				.valueEquals("X-Content-Type-Options", "nosniff")
				.expectHeader()
				.valueEquals("X-Frame-Options", "DENY")
				.expectHeader()
				.value(HttpHeaders.CACHE_CONTROL, (value) -> assertThat(value).contains("no-store"))
				// HSTS only on a request that came over TLS.
				.expectHeader()
				.doesNotExist("Strict-Transport-Security");
		}
	}

	@Test
	void crossOriginCallsAreNotAllowedByDefault() {
		ResponseSpec preflight = http().options()
			.uri("/api/owners")
			.header(HttpHeaders.ORIGIN, "https://clinic.example.com")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.exchange();

		preflight.expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
	}

	@Test
	void everyChangeIsLoggedOnceWithTheTokensSubjectAndTheRequestIdButNeverTheToken(CapturedOutput output) {
		String token = ISSUER.token("petclinic.write").claim("sub", "vet-desk-7").sign();
		String location = as(http(), token).post()
			.uri("/api/owners")
			.header("X-Request-Id", "change-log-1")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\": \"Jane Roe\", \"city\": \"Springfield\"}")
			.exchange()
			.expectStatus()
			.isCreated()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst(HttpHeaders.LOCATION);
		as(http(), token).delete().uri(location).header("X-Request-Id", "change-log-2").exchange();
		as(http(), ISSUER.token("petclinic.read").sign()).delete()
			.uri("/api/owners/" + UUID.randomUUID())
			.header("X-Request-Id", "change-log-3")
			.exchange();

		assertThat(output.getAll()
			.lines()
			.filter((line) -> line.contains("[change-log-1] ") && line.contains(" Created "))).singleElement()
			.asString()
			.contains("Created %s (POST /api/owners) by subject \"vet-desk-7\"".formatted(location));
		assertThat(output.getAll()
			.lines()
			.filter((line) -> line.contains("[change-log-2] ") && line.contains(" Deleted "))).singleElement()
			.asString()
			.contains("Deleted %s (DELETE %s) by subject \"vet-desk-7\"".formatted(location, location));
		assertThat(output.getAll()).doesNotContainPattern("\\[change-log-3\\] .* Deleted ")
			.doesNotContain(token.split("\\.")[2]);
	}

}
