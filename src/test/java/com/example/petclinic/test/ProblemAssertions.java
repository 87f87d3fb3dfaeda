package com.example.petclinic.test;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient.BodyContentSpec;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every problem response of the service has: the status, the problem media type,
 * {@code type} {@code about:blank}, the status's reason as {@code title}, the status in
 * the body, a {@code detail}.
 */
public final class ProblemAssertions {

	private ProblemAssertions() {
	}

	/**
	 * Checks that the response is a problem of that status, and returns its body for the
	 * checks of the test's own.
	 */
	public static BodyContentSpec expectProblem(ResponseSpec response, HttpStatus status) {
		return response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("about:blank")
			.jsonPath("$.title")
			.isEqualTo(status.getReasonPhrase())
			.jsonPath("$.status")
			.isEqualTo(status.value())
			.jsonPath("$.detail")
			.isNotEmpty();
	}

	/**
	 * The same checks on a problem read from a raw response, with its detail.
	 */
	public static void assertProblem(JsonNode problem, HttpStatus status, String detail) {
		assertThat(problem.get("type").asString()).isEqualTo("about:blank");
		assertThat(problem.get("title").asString()).isEqualTo(status.getReasonPhrase());
		assertThat(problem.get("status").asInt()).isEqualTo(status.value());
		assertThat(problem.get("detail").asString()).isEqualTo(detail);
	}

}
