package com.example.petclinic.web;

import java.io.IOException;

import com.example.petclinic.test.PetClinicIntegrationTest;
import com.example.petclinic.test.RawHttp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import static com.example.petclinic.test.ProblemAssertions.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers that Spring MVC's controllers never see (the error page, {@code TRACE}, paths
 * Tomcat protects, an {@code Accept} that cannot be parsed, an unknown health group, a
 * malformed chunked body) are RFC 9457 problems with a request id like every other.
 */
@PetClinicIntegrationTest
class EveryResponseIsAProblemIntegrationTest {

	@Autowired
	private RestTestClient http;

	@LocalServerPort
	private int port;

	@ParameterizedTest
	@ValueSource(strings = { "GET", "POST", "DELETE" })
	void errorPageAskedForDirectlyIsANotFoundProblem(String method) {
		ResponseSpec response = this.http.method(HttpMethod.valueOf(method))
			.uri("/error")
			.accept(MediaType.TEXT_HTML)
			.exchange();

		assertProblem(response, HttpStatus.NOT_FOUND, "/error");
	}

	@Test
	void traceIsAMethodNotAllowedProblemNamingTheResourcesMethods() {
		ResponseSpec response = this.http.method(HttpMethod.TRACE).uri("/api/owners").exchange();

		assertProblem(response, HttpStatus.METHOD_NOT_ALLOWED, "/api/owners");
		assertAllows(response, "GET", "HEAD", "POST", "OPTIONS");
	}

	@Test
	void traceOfASingleResourceNamesItsMethods() {
		ResponseSpec response = this.http.method(HttpMethod.TRACE)
			.uri("/api/owners/00000000-0000-0000-0000-000000000000")
			.exchange();

		assertProblem(response, HttpStatus.METHOD_NOT_ALLOWED, "/api/owners/00000000-0000-0000-0000-000000000000");
		assertAllows(response, "GET", "HEAD", "PUT", "DELETE", "OPTIONS");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/WEB-INF/web.xml", "/META-INF/MANIFEST.MF", "/actuator/health/unknown" })
	void protectedAndUnknownPathsAreNotFoundProblems(String path) {
		assertProblem(this.http.get().uri(path).exchange(), HttpStatus.NOT_FOUND, path);
	}

	@Test
	void unparsableAcceptIsANotAcceptableProblem() {
		ResponseSpec response = this.http.get().uri("/api/owners").header("Accept", "not a media type").exchange();

		assertProblem(response, HttpStatus.NOT_ACCEPTABLE, "/api/owners");
	}

	@Test
	void malformedChunkedBodyIsABadRequestProblem() throws IOException {
		RawHttp response = RawHttp.send(this.port,
				"POST /api/owners HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
						+ "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n");

		assertThat(response.statusLine()).startsWith("HTTP/1.1 400");
		assertThat(response.header("Content-Type")).hasValueSatisfying((
				type) -> assertThat(MediaType.parseMediaType(type).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
					.isTrue());
		assertThat(response.header(RequestIdFilter.HEADER)).isPresent();
		String chunk = response.body().substring(response.body().indexOf('{'), response.body().lastIndexOf('}') + 1);
		JsonNode problem = new RawHttp("", chunk).json();
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("detail").asString()).endsWith("or the chunked body is malformed");
		assertThat(problem.get("instance").asString()).isEqualTo("/api/owners");
	}

	private static void assertAllows(ResponseSpec response, String... methods) {
		response.expectHeader()
			.value(HttpHeaders.ALLOW,
					(allow) -> assertThat(allow.split(",")).containsExactlyInAnyOrder(methods).doesNotContain("TRACE"));
	}

	private static void assertProblem(ResponseSpec response, HttpStatus status, String instance) {
		response.expectHeader().exists(RequestIdFilter.HEADER);
		expectProblem(response, status).jsonPath("$.instance").isEqualTo(instance);
	}

}
