package com.example.petclinic;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.example.petclinic.test.PostgresConnectionDetails;
import com.example.petclinic.test.OnTestDatabase;
import com.example.petclinic.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the service writes to its log, from start to stop: each line of a request carries
 * its id, and the database password appears nowhere, neither in a log line (even at debug
 * level) nor in any response. The service is started here as it is deployed, with
 * {@code spring.datasource.*} settings, so that its whole life is captured.
 */
@OnTestDatabase
@ExtendWith(OutputCaptureExtension.class)
class LogsIntegrationTest {

	private static final String PASSWORD = "Never-Log-This-Passw0rd";

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void logLinesOfARequestCarryItsId(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext service = start("--logging.level.web=debug")) {
			HttpResponse<String> response = get(service, "/api/specialties", "logs-test-1");

			assertThat(response.statusCode()).isEqualTo(200);
		}

		List<String> requestLines = output.getAll()
			.lines()
			.filter((line) -> line.contains("o.s.web.servlet.DispatcherServlet") && line.contains("/api/specialties"))
			.toList();
		assertThat(requestLines).isNotEmpty().allSatisfy((line) -> assertThat(line).contains("[logs-test-1] "));
		assertThat(output.getAll()).as("lines outside requests show no empty id").doesNotContain(" [] ");
	}

	@Test
	void neitherLogsNorResponsesShowTheDatabasePassword(CapturedOutput output) throws Exception {
		List<String> bodies = new ArrayList<>();
		try (ConfigurableApplicationContext service = start("--logging.level.com.zaxxer.hikari=debug",
				"--logging.level.org.springframework.jdbc=debug", "--logging.level.liquibase=debug",
				"--logging.level.web=debug")) {
			for (String path : List.of("/actuator", "/actuator/health", "/actuator/health/readiness", "/actuator/info",
					"/actuator/prometheus", "/actuator/env", "/actuator/configprops", "/v3/api-docs",
					"/api/owners/not-a-uuid", "/api/owners?sort=password", "/api/nothing-here")) {
				bodies.add(get(service, path, null).body());
			}
		}

		assertThat(output.getAll()).as("Hikari logged its configuration, with the password masked")
			.containsPattern("password\\.+<masked>")
			.doesNotContain(PASSWORD);
		assertThat(bodies).hasSize(11).noneMatch((body) -> body.contains(PASSWORD));
	}

	private ConfigurableApplicationContext start(String... arguments) {
		PostgresConnectionDetails database = TestDatabase.connectionDetails();
		List<String> all = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + database.jdbcUrl(),
				"--spring.datasource.username=" + database.username(), "--spring.datasource.password=" + PASSWORD,
				"--petclinic.auth=none"));
		all.addAll(List.of(arguments));
		return SpringApplication.run(PetClinicApplication.class, all.toArray(String[]::new));
	}

	private HttpResponse<String> get(ConfigurableApplicationContext service, String path, String requestId)
			throws IOException, InterruptedException {
		int port = ((WebServerApplicationContext) service).getWebServer().getPort();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		if (requestId != null) {
			request.header("X-Request-Id", requestId);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
