package com.example.petclinic.database;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.example.petclinic.test.ClinicApi;
import com.example.petclinic.test.FaultInjectionTest;
import com.example.petclinic.test.FaultProxy;
import com.example.petclinic.test.PostgresConnectionDetails;
import com.example.petclinic.test.ProxiedDatabase;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
 * it, and not before: a primary that answers only now and then does not take the work
 * back. What the clients are told about their writes across the moves is true.
 */
@FaultInjectionTest
@Import(FailoverIntegrationTest.TwoRegions.class)
@ExtendWith(OutputCaptureExtension.class)
class FailoverIntegrationTest {

	/** Every request started this long after the primary failed succeeds. */
	private static final Duration FAILOVER_BOUND = Duration.ofSeconds(10);

	private static final String PRIMARY = "127.0.0.1:" + ProxiedDatabase.PRIMARY.port();

	private static final String SECONDARY = "127.0.0.1:" + ProxiedDatabase.SECONDARY.port();

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
		assertThat(active()).isEqualTo(PRIMARY);
		Map<String, Double> switchesBefore = switches();
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
				await().atMost(FAILOVER_BOUND).until(() -> active().equals(SECONDARY));
				Duration failover = Duration.between(fault, Instant.now());
				readiness("UP");
				Thread.sleep(FAILOVER_BOUND.minus(failover).plusSeconds(2));

				Instant healed = Instant.now();
				ProxiedDatabase.PRIMARY.pass();
				await().atMost(Duration.ofSeconds(10)).until(() -> active().equals(PRIMARY));
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
		assertThat(switchesSince(switchesBefore)).containsOnly(Map.entry(PRIMARY + ">" + SECONDARY, 1.0),
				Map.entry(SECONDARY + ">" + PRIMARY, 1.0));
		assertThat(output.getOut().lines().filter((line) -> line.contains("Database work moves from"))).hasSize(2);
		assertWritesWereReportedTruthfully();
	}

	@Test
	void aPrimaryThatAnswersOnlyNowAndThenDoesNotTakeTheWorkBack() throws Exception {
		Map<String, Double> switchesBefore = switches();
		ProxiedDatabase.PRIMARY.refuse();
		await().atMost(FAILOVER_BOUND).until(() -> active().equals(SECONDARY));

		// Up for less than fail-back-after (2 s) each time: detected up within a probe
		// interval of passing, down within two failed probes (250 ms apart) of refusing.
		List<String> activeWhileFlapping = new ArrayList<>();
		for (int flap = 0; flap < 5; flap++) {
			ProxiedDatabase.PRIMARY.pass();
			watchActive(Duration.ofMillis(800), activeWhileFlapping);
			ProxiedDatabase.PRIMARY.refuse();
			watchActive(Duration.ofMillis(1_000), activeWhileFlapping);
		}
		assertThat(activeWhileFlapping).isNotEmpty().containsOnly(SECONDARY);

		ProxiedDatabase.PRIMARY.pass();
		await().atMost(Duration.ofSeconds(10)).until(() -> active().equals(PRIMARY));
		assertThat(switchesSince(switchesBefore)).containsOnly(Map.entry(PRIMARY + ">" + SECONDARY, 1.0),
				Map.entry(SECONDARY + ">" + PRIMARY, 1.0));
	}

	private void watchActive(Duration duration, List<String> seen) throws InterruptedException {
		Instant end = Instant.now().plus(duration);
		while (Instant.now().isBefore(end)) {
			seen.add(active());
			Thread.sleep(100);
		}
	}

	/**
	 * What the clients were told is true: every owner answered {@code 201} is stored
	 * exactly once, and every owner stored was answered {@code 201}, or {@code 503}
	 * saying the outcome is unknown, or got no answer.
	 */
	private void assertWritesWereReportedTruthfully() {
		Map<String, Integer> stored = ProxiedDatabase.ownersStoredByName("Failover ");
		Set<String> created = created((outcome) -> outcome.status() == 201);
		Set<String> unknown = created((outcome) -> outcome.status() == 0
				|| (outcome.status() == 503 && outcome.detail().equals(CommitOutcomeUnknownException.DETAIL)));
		assertThat(created).isNotEmpty();
		assertThat(stored.values()).allMatch((count) -> count == 1);
		assertThat(stored.keySet()).containsAll(created)
			.allMatch((name) -> created.contains(name) || unknown.contains(name),
					"was reported created or of unknown outcome");
	}

	private Set<String> created(Predicate<Outcome> outcomes) {
		return this.outcomes.stream()
			.filter((outcome) -> outcome.name() != null && outcomes.test(outcome))
			.map(Outcome::name)
			.collect(Collectors.toSet());
	}

	/** The moves of work counted so far, by {@code from>to}. */
	private Map<String, Double> switches() {
		return this.meters.find(DatabaseEndpoints.SWITCHES)
			.counters()
			.stream()
			.collect(Collectors.toMap((counter) -> counter.getId().getTag("from") + ">" + counter.getId().getTag("to"),
					Counter::count));
	}

	private Map<String, Double> switchesSince(Map<String, Double> before) {
		Map<String, Double> since = new HashMap<>();
		switches().forEach((move, count) -> {
			double moves = count - before.getOrDefault(move, 0.0);
			if (moves != 0) {
				since.put(move, moves);
			}
		});
		return since;
	}

	private void load(UUID owner, AtomicBoolean running) {
		String client = UUID.randomUUID().toString().substring(0, 8);
		for (int request = 0; running.get(); request++) {
			Instant started = Instant.now();
			String name = (request % 4 == 0) ? "Failover %s %d".formatted(client, request) : null;
			HttpRequest.Builder builder = (name != null)
					? HttpRequest.newBuilder(uri("/api/owners"))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString("""
								{"name": "%s", "city": "Elsewhere"}""".formatted(name)))
					: HttpRequest.newBuilder(uri("/api/owners/" + owner)).GET();
			try {
				HttpResponse<String> response = this.http.send(builder.timeout(Duration.ofSeconds(30)).build(),
						HttpResponse.BodyHandlers.ofString());
				String detail = (response.statusCode() / 100 == 2) ? ""
						: JsonMapper.shared().readTree(response.body()).path("detail").asString("");
				this.outcomes.add(new Outcome(started, response.statusCode(), name, detail));
			}
			catch (Exception ex) {
				this.outcomes.add(new Outcome(started, 0, name, ""));
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

	private record Outcome(Instant started, int status, @Nullable String name, String detail) {
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
