package com.example.petclinic.web;

import java.io.IOException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.example.petclinic.test.PetClinicIntegrationTest;
import com.example.petclinic.test.ProblemAssertions;
import com.example.petclinic.test.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parameters that cannot be decoded, in the query string of every list endpoint and of
 * the health endpoint, or in a form body, are a {@code 400} problem and one short log
 * line, never a {@code 500} with a stack trace. They are sent over a plain socket,
 * because an HTTP client refuses to send a malformed percent escape.
 */
@PetClinicIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class UndecodableParametersIntegrationTest {

	private static final String[] LIST_ENDPOINTS = { "/api/owners", "/api/pets", "/api/vets", "/api/specialties",
			"/actuator/health" };

	private static final String DETAIL = "The request's parameters cannot be decoded: "
			+ "a percent escape is malformed, the decoded bytes are not UTF-8, or there are more than 1000 parameters";

	@LocalServerPort
	private int port;

	@ParameterizedTest
	@ValueSource(strings = { "name=%ZZ", "name=%G0", "name=%", "name=%FF%FE", "name=%C0%AF", "%ZZ=x" })
	void undecodableQueryIsABadRequestProblemOnEveryListEndpoint(String query, CapturedOutput output)
			throws IOException {
		for (String endpoint : LIST_ENDPOINTS) {
			assertBadRequestProblem(send("GET " + endpoint + "?" + query + " HTTP/1.0\r\n\r\n"), endpoint);
		}

		assertLoggedInOneShortLinePerRequest(output, LIST_ENDPOINTS.length);
	}

	@Test
	void moreThanOneThousandParametersIsABadRequestProblem(CapturedOutput output) throws IOException {
		String query = IntStream.range(0, 1001).mapToObj((i) -> "a=").collect(Collectors.joining("&"));

		assertBadRequestProblem(send("GET /api/owners?" + query + " HTTP/1.0\r\n\r\n"), "/api/owners");
		assertLoggedInOneShortLinePerRequest(output, 1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "PUT", "PATCH", "DELETE", "POST" })
	void undecodableFormBodyIsABadRequestProblem(String method, CapturedOutput output) throws IOException {
		String path = "/api/owners/00000000-0000-0000-0000-000000000000";

		RawHttp response = send(method + " " + path + " HTTP/1.0\r\n"
				+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 5\r\n\r\na=%ZZ");

		assertBadRequestProblem(response, path);
		assertLoggedInOneShortLinePerRequest(output, 1);
	}

	private static void assertBadRequestProblem(RawHttp response, String instance) {
		assertThat(response.statusLine()).as(response.toString()).startsWith("HTTP/1.1 400");
		assertThat(response.head()).containsIgnoringCase("Content-Type: application/problem+json");
		JsonNode problem = response.json();
		ProblemAssertions.assertProblem(problem, HttpStatus.BAD_REQUEST, DETAIL);
		assertThat(problem.get("instance").asString()).isEqualTo(instance);
	}

	private static void assertLoggedInOneShortLinePerRequest(CapturedOutput output, int requests) {
		assertThat(output.getOut()).doesNotContain(" ERROR ").doesNotContain("\tat ");
		assertThat(output.getOut().lines().filter((line) -> line.contains("parameters cannot be decoded")))
			.hasSize(requests)
			.allMatch((line) -> line.length() < 500);
	}

	private RawHttp send(String request) throws IOException {
		return RawHttp.send(this.port, request);
	}

}
