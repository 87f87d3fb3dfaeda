package com.example.petclinic.database;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.example.petclinic.test.ClinicApi;
import com.example.petclinic.test.FaultInjectionTest;
import com.example.petclinic.test.ProxiedDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every connection between the service and its database is reset every two seconds while
 * clients read and write: no read fails, every write reported as created is stored
 * exactly once, and nothing is stored that the client was told was not.
 */
@FaultInjectionTest
class ConnectionResetsUnderLoadIntegrationTest {

	private static final Duration LOAD = Duration.ofSeconds(20);

	private static final Duration RESET_EVERY = Duration.ofSeconds(2);

	private static final int READERS = 6;

	private static final int WRITERS = 2;

	@Autowired
	private ClinicApi api;

	@LocalServerPort
	private int port;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Map<Integer, Integer> readStatuses = new ConcurrentHashMap<>();

	private final Queue<Write> writes = new Queue<>();

	@Test
	void readsAndWritesAreServedTruthfullyWhileEveryConnectionIsResetEveryTwoSeconds() throws Exception {
		List<UUID> owners = List.of(this.api.createOwner("Ann Lee", "Madison"),
				this.api.createOwner("Bob Ray", "Salem"), this.api.createOwner("Cy Young", "Dover"));
		Instant end = Instant.now().plus(LOAD);
		List<Future<?>> running = new ArrayList<>();
		try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int reader = 0; reader < READERS; reader++) {
				running.add(clients.submit(() -> read(owners, end)));
			}
			for (int writer = 0; writer < WRITERS; writer++) {
				int number = writer;
				running.add(clients.submit(() -> write(number, end)));
			}
			while (Instant.now().isBefore(end)) {
				Thread.sleep(RESET_EVERY);
				ProxiedDatabase.PRIMARY.resetConnections();
			}
			clients.shutdown();
			assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		}
		// Every client ran to the end: a request that got no answer at all (a reset or a
		// timeout on the client's side) fails the test here.
		for (Future<?> client : running) {
			client.get();
		}

		Map<String, Integer> stored = ProxiedDatabase.ownersStoredByName("writer ");
		Map<Integer, Long> writeStatuses = this.writes.stream()
			.collect(Collectors.groupingBy(Write::status, Collectors.counting()));
		System.out.printf("Connection resets under load: reads by status %s, writes by status %s, %d stored%n",
				this.readStatuses, writeStatuses, stored.size());

		assertThat(this.readStatuses.keySet()).containsOnly(200);
		assertThat(this.readStatuses.get(200)).isGreaterThan(100);
		assertThat(stored.values()).allMatch((count) -> count == 1);
		Set<String> created = names(201);
		Set<String> unknown = names(503, CommitOutcomeUnknownException.DETAIL);
		assertThat(stored.keySet()).containsAll(created);
		assertThat(created).isNotEmpty();
		assertThat(writeStatuses.keySet()).isSubsetOf(201, 503);
		assertThat(stored.keySet()).allMatch((name) -> created.contains(name) || unknown.contains(name),
				"was reported created or of unknown outcome");
	}

	private void read(List<UUID> owners, Instant end) {
		while (Instant.now().isBefore(end)) {
			String path = ThreadLocalRandom.current().nextBoolean()
					? "/api/owners/" + owners.get(ThreadLocalRandom.current().nextInt(owners.size()))
					: "/api/owners?size=5";
			this.readStatuses.merge(send(HttpRequest.newBuilder(uri(path)).GET()).statusCode(), 1, Integer::sum);
		}
	}

	private void write(int writer, Instant end) {
		for (int request = 0; Instant.now().isBefore(end); request++) {
			String name = "writer %d request %d".formatted(writer, request);
			HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/owners"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("""
						{"name": "%s", "city": "Faultville"}""".formatted(name))));
			String detail = (response.statusCode() == 201) ? ""
					: JsonMapper.shared().readTree(response.body()).path("detail").asString("");
			this.writes.add(new Write(name, response.statusCode(), detail));
		}
	}

	private Set<String> names(int status, String... detail) {
		return this.writes.stream()
			.filter((write) -> write.status() == status && (detail.length == 0 || write.detail().equals(detail[0])))
			.map(Write::name)
			.collect(Collectors.toSet());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private record Write(String name, int status, String detail) {
	}

	private static final class Queue<T> extends ConcurrentLinkedQueue<T> {

	}

}
