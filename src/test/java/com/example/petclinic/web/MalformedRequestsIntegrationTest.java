package com.example.petclinic.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import com.example.petclinic.test.PetClinicIntegrationTest;
import com.example.petclinic.test.ProblemAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that are not valid HTTP, which Tomcat refuses before Spring MVC sees them, are
 * answered with the same RFC 9457 problems as every other mistake, not with an HTML page.
 * They are sent over a plain socket, because an HTTP client would encode or refuse them.
 */
@PetClinicIntegrationTest
class MalformedRequestsIntegrationTest {

	private static final String DETAIL = TomcatProblemReports.ProblemReportValve.BAD_REQUEST_DETAIL;

	@LocalServerPort
	private int port;

	@Test
	void unencodedCharacterInTheQueryIsABadRequestProblem() throws IOException {
		RawResponse response = send("GET /api/owners?name=a|b HTTP/1.0\r\n\r\n");

		assertBadRequestProblem(response);
	}

	@Test
	void encodedSlashInThePathIsABadRequestProblemNamingThePath() throws IOException {
		RawResponse response = send("GET /api/specialties/Cats%2FDogs HTTP/1.0\r\n\r\n");

		assertBadRequestProblem(response);
		assertThat(response.json().get("instance").asString()).isEqualTo("/api/specialties/Cats%2FDogs");
	}

	@Test
	void encodedNulInThePathIsABadRequestProblem() throws IOException {
		assertBadRequestProblem(send("DELETE /api/specialties/Cats%00 HTTP/1.0\r\n\r\n"));
	}

	@Test
	void malformedHeaderIsABadRequestProblem() throws IOException {
		assertBadRequestProblem(send("GET /api/owners HTTP/1.0\r\nNot A Header Name: x\r\n\r\n"));
	}

	@Test
	void problemsOfTheServiceItselfAreLeftAsTheyAre() throws IOException {
		RawResponse response = send("GET /api/owners/not-a-uuid HTTP/1.0\r\n\r\n");

		assertThat(response.statusLine()).startsWith("HTTP/1.1 400");
		assertThat(response.json().get("detail").asString())
			.isEqualTo("Failed to convert 'id' with value: 'not-a-uuid'");
	}

	private static void assertBadRequestProblem(RawResponse response) {
		assertThat(response.statusLine()).startsWith("HTTP/1.1 400");
		assertThat(response.head()).containsIgnoringCase("Content-Type: application/problem+json");
		ProblemAssertions.assertProblem(response.json(), HttpStatus.BAD_REQUEST, DETAIL);
	}

	private RawResponse send(String request) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			String whole = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			int endOfHead = whole.indexOf("\r\n\r\n");
			assertThat(endOfHead).as(whole).isPositive();
			return new RawResponse(whole.substring(0, endOfHead), whole.substring(endOfHead + 4));
		}
	}

	private record RawResponse(String head, String body) {

		String statusLine() {
			return this.head.lines().findFirst().orElse("");
		}

		JsonNode json() {
			return JsonMapper.shared().readTree(this.body);
		}

	}

}
