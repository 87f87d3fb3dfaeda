package com.example.petclinic.web;

import java.util.UUID;

import com.example.petclinic.test.PetClinicIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@PetClinicIntegrationTest
class RequestIdIntegrationTest {

	@Autowired
	private RestTestClient http;

	@Test
	void answersWithTheRequestIdTheCallerSent() {
		this.http.get()
			.uri("/api/specialties")
			.header("X-Request-Id", "lb-7f3a.42:1")
			.exchange()
			.expectHeader()
			.valueEquals("X-Request-Id", "lb-7f3a.42:1");
	}

	@Test
	void generatesARequestIdWhenTheCallerSentNone() {
		String requestId = this.http.get()
			.uri("/api/specialties")
			.exchange()
			.returnResult()
			.getResponseHeaders()
			.getFirst("X-Request-Id");

		assertThat(requestId).isNotNull();
		assertThat(UUID.fromString(requestId)).isNotNull();
	}

	@Test
	void replacesARequestIdThatCouldForgeLogLines() {
		String requestId = this.http.get()
			.uri("/api/specialties")
			.header("X-Request-Id", "x\" level=ERROR msg=forged")
			.exchange()
			.returnResult()
			.getResponseHeaders()
			.getFirst("X-Request-Id");

		assertThat(requestId).isNotNull().doesNotContain("forged");
		assertThat(UUID.fromString(requestId)).isNotNull();
	}

	@Test
	void problemResponsesCarryTheRequestIdToo() {
		this.http.get()
			.uri("/api/owners/not-a-uuid")
			.header("X-Request-Id", "problem-1")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.valueEquals("X-Request-Id", "problem-1");
	}

}
