package com.example.petclinic.database;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.example.petclinic.test.ClinicApi;
import com.example.petclinic.test.FaultInjectionTest;
import com.example.petclinic.test.FaultProxy;
import com.example.petclinic.test.PostgresConnectionDetails;
import com.example.petclinic.test.ProxiedDatabase;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two endpoints of one database, as a multi-Region cluster's two Regional endpoints: the
 * primary goes silent under load, work moves to its peer within the bound, and once the
 * primary has been back for a while ({@code fail-back-after}, 2 s here) work returns to
 * it.
 */
@FaultInjectionTest
@Import(FailoverIntegrationTest.TwoRegions.class)
@ExtendWith(OutputCaptureExtension.class)
class FailoverIntegrationTest {

	/** Every request started this long after the primary failed succeeds. */
	private static final Duration FAILOVER_BOUND = Duration.ofSeconds(10);

	@Autowired
	private ClinicApi api;

	@Autowired
	private MeterRegistry meters;

	@LocalServerPort
	private int port;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();

	@Test
	void workMovesToThePeerWhileThePrimaryIsSilentAndReturnsOnceItIsBack(CapturedOutput output) throws Exception {
		UUID owner = this.api.createOwner("Jane Roe", "Springfield");
		assertThat(active()).isEqualTo("127.0.0.1:" + ProxiedDatabase.PRIMARY.port());
		AtomicBoolean running = new AtomicBoolean(true);
		Instant fault;
		try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
			try {
				for (int client = 0; client < 4; client++) {
					clients.submit(() -> load(owner, running));
				}
				Thread.sleep(1_000);
				fault = Instant.now();
				ProxiedDatabase.PRIMARY.silence();
				await().atMost(FAILOVER_BOUND)
					.until(() -> active().equals("127.0.0.1:" + ProxiedDatabase.SECONDARY.port()));
				Duration failover = Duration.between(fault, Instant.now());
				readiness("UP");
				Thread.sleep(FAILOVER_BOUND.minus(failover).plusSeconds(2));

				Instant healed = Instant.now();
				ProxiedDatabase.PRIMARY.pass();
				await().atMost(Duration.ofSeconds(10))
					.until(() -> active().equals("127.0.0.1:" + ProxiedDatabase.PRIMARY.port()));
				System.out.printf(
						"Failover: work moved to the peer %d ms after the primary went silent, and back %d ms "
								+ "after it answered again%n",
						failover.toMillis(), Duration.between(healed, Instant.now()).toMillis());
				Thread.sleep(1_000);
			}
			finally {
				running.set(false);
				clients.shutdown();
			}
			assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		}

		List<Outcome> afterTheBound = this.outcomes.stream()
			.filter((outcome) -> outcome.started().isAfter(fault.plus(FAILOVER_BOUND)))
			.toList();
		assertThat(afterTheBound).isNotEmpty().allMatch((outcome) -> outcome.status() / 100 == 2);
		assertThat(this.outcomes).allMatch((outcome) -> outcome.status() / 100 == 2 || outcome.status() == 503);
		assertThat(ProxiedDatabase.SECONDARY.connectionsAccepted()).isPositive();
		assertThat(this.meters.find(DatabaseEndpoints.SWITCHES).counters()).hasSize(2)
			.allMatch((counter) -> counter.count() == 1);
		assertThat(output.getOut().lines().filter((line) -> line.contains("Database work moves from"))).hasSize(2);
	}

	private void load(UUID owner, AtomicBoolean running) {
		for (int request = 0; running.get(); request++) {
			Instant started = Instant.now();
			HttpRequest.Builder builder = (request % 4 == 0)
					? HttpRequest.newBuilder(uri("/api/owners"))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString("""
								{"name": "Failover %d", "city": "Elsewhere"}""".formatted(request)))
					: HttpRequest.newBuilder(uri("/api/owners/" + owner)).GET();
			try {
				HttpResponse<String> response = this.http.send(builder.timeout(Duration.ofSeconds(30)).build(),
						HttpResponse.BodyHandlers.ofString());
				this.outcomes.add(new Outcome(started, response.statusCode()));
			}
			catch (Exception ex) {
				this.outcomes.add(new Outcome(started, 0));
			}
		}
	}

	private String active() {
		return readiness(null).path("components").path("database").path("details").path("active").asString();
	}

	private JsonNode readiness(String expected) {
		JsonNode readiness = this.api.getJson("/actuator/health/readiness");
		if (expected != null) {
			assertThat(readiness.path("status").asString()).isEqualTo(expected);
		}
		return readiness;
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private record Outcome(Instant started, int status) {
	}

	/** A primary and a secondary endpoint, each with its own pool, as on Aurora DSQL. */
	@TestConfiguration(proxyBeanMethods = false)
	static class TwoRegions {

		@Bean
		FailoverDataSource dataSource(Environment environment, DatabaseProperties properties, MeterRegistry meters) {
			return new FailoverDataSource(new DatabaseEndpoints(
					List.of(endpoint(ProxiedDatabase.PRIMARY, "us-east-1", "primary", environment),
							endpoint(ProxiedDatabase.SECONDARY, "us-west-2", "secondary", environment)),
					properties, meters));
		}

		private static DatabaseEndpoint endpoint(FaultProxy proxy, String region, String name,
				Environment environment) {
			PostgresConnectionDetails database = ProxiedDatabase.through(proxy);
			HikariDataSource pool = new HikariDataSource();
			Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(pool));
			pool.setPoolName(name);
			pool.setJdbcUrl(database.jdbcUrl());
			pool.setUsername(database.username());
			pool.setPassword(database.password());
			return new DatabaseEndpoint(pool, region);
		}

	}

}
