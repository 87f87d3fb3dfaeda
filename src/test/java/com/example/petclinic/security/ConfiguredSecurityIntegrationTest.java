package com.example.petclinic.security;

import com.example.petclinic.test.ClinicApi;
import com.example.petclinic.test.PetClinicIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import static com.example.petclinic.test.ProblemAssertions.expectProblem;

/**
 * What the settings change: scope names as an Amazon Cognito resource server names them
 * ({@code petclinic/read}, {@code petclinic/write}), an origin allowed to call the API
 * from a browser, and the management endpoints on a port of their own, where they need no
 * token.
 */
@PetClinicIntegrationTest
class ConfiguredSecurityIntegrationTest {

	private static final String CLINIC_ORIGIN = "https://clinic.example.com";

	@Autowired
	private ClinicApi api;

	@LocalManagementPort
	private int managementPort;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		SecuredApiIntegrationTest.tokensRequired(registry);
		registry.add("petclinic.auth.read-scope", () -> "petclinic/read");
		registry.add("petclinic.auth.write-scope", () -> "petclinic/write");
		registry.add("petclinic.auth.cors.allowed-origins", () -> CLINIC_ORIGIN);
		registry.add("management.server.port", () -> "0");
	}

	private ResponseSpec createOwner(String scope) {
		return SecuredApiIntegrationTest.as(this.api.http(), SecuredApiIntegrationTest.ISSUER.token(scope).sign())
			.post()
			.uri("/api/owners")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\": \"Jane Roe\", \"city\": \"Springfield\"}")
			.exchange();
	}

	@Test
	void theConfiguredScopeNamesGrantAndTheDefaultOnesNoLonger() {
		createOwner("petclinic/write").expectStatus().isCreated();
		expectProblem(createOwner("petclinic.write"), HttpStatus.FORBIDDEN).jsonPath("$.detail")
			.isEqualTo("The access token does not grant this request; it needs the scope petclinic/write");
	}

	@Test
	void anAllowedOriginMayCallTheApiFromABrowser() {
		this.api.http()
			.options()
			.uri("/api/owners")
			.header(HttpHeaders.ORIGIN, CLINIC_ORIGIN)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, CLINIC_ORIGIN);
	}

	@Test
	void anotherOriginIsRefusedWithAProblem() {
		ResponseSpec preflight = this.api.http()
			.options()
			.uri("/api/owners")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "DELETE")
			.exchange();

		expectProblem(preflight, HttpStatus.FORBIDDEN).jsonPath("$.detail")
			.isEqualTo("Cross-origin requests from this origin are not allowed");
	}

	@Test
	void managementEndpointsOnTheirOwnPortNeedNoToken() {
		RestTestClient management = RestTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.managementPort)
			.build();

		management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
		management.get().uri("/actuator/info").exchange().expectStatus().isOk();
		expectProblem(this.api.http().get().uri("/actuator/prometheus").exchange(), HttpStatus.UNAUTHORIZED);
	}

}
