package com.example.petclinic;

import com.example.petclinic.test.ClinicApi;
import com.example.petclinic.test.PetClinicIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The management endpoints under {@code /actuator}: probes for an orchestrator, build
 * data and metrics, and nothing that shows configuration or internals.
 */
@PetClinicIntegrationTest
class ManagementEndpointsIntegrationTest {

	@Autowired
	private RestTestClient http;

	@Autowired
	private HealthEndpointGroups healthGroups;

	@Test
	void exposesOnlyHealthInfoAndPrometheus() {
		JsonNode links = json("/actuator").get("_links");

		assertThat(links.propertyNames()).containsExactlyInAnyOrder("self", "health", "health-path", "info",
				"prometheus");
	}

	@ParameterizedTest
	@ValueSource(strings = { "env", "configprops", "beans", "loggers", "heapdump", "threaddump", "mappings", "metrics",
			"shutdown" })
	void doesNotExposeEndpointsThatRevealConfigurationOrInternals(String endpoint) {
		this.http.get().uri("/actuator/" + endpoint).exchange().expectStatus().isNotFound();
	}

	@Test
	void livenessDependsOnTheApplicationAlone() {
		assertThat(json("/actuator/health/liveness").get("status").asString()).isEqualTo("UP");
		assertThat(this.healthGroups.get("liveness").isMember("database")).isFalse();
	}

	@Test
	void readinessIncludesTheDatabase() {
		assertThat(json("/actuator/health/readiness").get("status").asString()).isEqualTo("UP");
		assertThat(this.healthGroups.get("readiness").isMember("database")).isTrue();
		assertThat(this.healthGroups.get("readiness").isMember("readinessState")).isTrue();
	}

	@Test
	void healthShowsAStatusButNoDetails() {
		JsonNode health = json("/actuator/health");

		assertThat(health.propertyNames()).containsExactlyInAnyOrder("status", "groups");
		assertThat(health.toString()).doesNotContain("postgres", "jdbc", "components");
	}

	@Test
	void prometheusHasRequestPoolAndJvmMetrics() {
		this.http.get().uri("/api/specialties").exchange().expectStatus().isOk();

		String metrics = this.http.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(metrics).contains("http_server_requests_seconds_bucket{")
			.contains("uri=\"/api/specialties\"")
			.contains("hikaricp_connections_max{")
			.contains("jvm_memory_used_bytes{")
			.contains("application=\"dsql-petclinic\"");
	}

	@Test
	void infoShowsTheBuild() {
		JsonNode build = json("/actuator/info").get("build");

		assertThat(build.get("artifact").asString()).isEqualTo("dsql-petclinic");
		assertThat(build.get("version").asString()).isNotBlank();
	}

	private JsonNode json(String uri) {
		return new ClinicApi(this.http).getJson(uri);
	}

}
