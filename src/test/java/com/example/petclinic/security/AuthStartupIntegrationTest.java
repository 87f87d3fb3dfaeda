package com.example.petclinic.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.example.petclinic.PetClinicApplication;
import com.example.petclinic.test.OnTestDatabase;
import com.example.petclinic.test.PostgresConnectionDetails;
import com.example.petclinic.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Secure by default: the service, started as it is deployed, refuses to start without a
 * way to validate tokens or without an audience, before it touches a database, and says
 * so in one line; told that the API is open, it starts, serves without a token, and warns
 * that it is open.
 */
@OnTestDatabase
@ExtendWith(OutputCaptureExtension.class)
class AuthStartupIntegrationTest {

	@Test
	void withoutJwtValidationTheServiceRefusesToStart(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start()).isInstanceOf(AuthConfigurationException.class);

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains(TokenValidationCheck.NO_DECODER)
			.contains("PETCLINIC_AUTH=none")
			.doesNotContain("HikariPool-1 - Start completed");
	}

	@Test
	void withoutAnAudienceTheServiceRefusesToStart(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> start("--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/jwks"))
			.isInstanceOf(AuthConfigurationException.class);

		assertThat(output).contains("APPLICATION FAILED TO START").contains(TokenValidationCheck.NO_AUDIENCE);
	}

	@Test
	void aModeOtherThanJwtOrNoneStopsTheStart(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("--petclinic.auth=open"));

		assertThat(output).contains("APPLICATION FAILED TO START").contains("petclinic.auth");
	}

	@Test
	void toldThatTheApiIsOpenTheServiceStartsServesEveryoneAndSaysSo(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext service = start("--petclinic.auth=none")) {
			int port = ((WebServerApplicationContext) service).getWebServer().getPort();
			HttpResponse<String> created = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/specialties"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Open Mode " + port + "\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(created.statusCode()).isEqualTo(201);
		}

		assertThat(output.getAll().lines().filter((line) -> line.contains(TokenValidationCheck.OPEN))).singleElement()
			.asString()
			.contains("WARN");
		assertThat(output).containsPattern("Created /api/specialties/Open%20Mode%20\\d+ .* by an anonymous caller");
	}

	private static ConfigurableApplicationContext start(String... arguments) {
		PostgresConnectionDetails database = TestDatabase.connectionDetails();
		List<String> all = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
				"--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password()));
		all.addAll(List.of(arguments));
		return SpringApplication.run(PetClinicApplication.class, all.toArray(String[]::new));
	}

}
