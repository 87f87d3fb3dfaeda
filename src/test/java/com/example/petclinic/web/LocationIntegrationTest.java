package com.example.petclinic.web;

import java.io.IOException;

import com.example.petclinic.test.PetClinicIntegrationTest;
import com.example.petclinic.test.RawHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code Location} of a created resource is a path, never built from the {@code Host}
 * (or {@code X-Forwarded-Host}) a client sent, so that a client cannot make the service
 * point others at a host of its choosing.
 */
@PetClinicIntegrationTest
class LocationIntegrationTest {

	@LocalServerPort
	private int port;

	@Test
	void locationIsAPathThatIgnoresTheHostHeader() throws IOException {
		String body = "{\"name\": \"Akira Tanaka\", \"city\": \"Kyoto\"}";

		RawHttp response = RawHttp.send(this.port,
				"POST /api/owners HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example\r\n"
						+ "Connection: close\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
						+ "\r\n\r\n" + body);

		assertThat(response.statusLine()).startsWith("HTTP/1.1 201");
		assertThat(response.header("Location")).hasValueSatisfying(
				(location) -> assertThat(location).matches("/api/owners/[0-9a-f-]{36}").doesNotContain("evil"));
	}

}
