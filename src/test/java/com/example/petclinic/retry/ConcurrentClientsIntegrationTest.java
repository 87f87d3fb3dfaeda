package com.example.petclinic.retry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.example.petclinic.test.ClinicApi;
import com.example.petclinic.test.HttpExchange;
import com.example.petclinic.test.PetClinicIntegrationTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many clients at once over HTTP, all working on the same owner: every request ends in
 * success or in a {@code 409}/{@code 412} the client can act on, and the database ends
 * exactly as the successful requests say.
 */
@PetClinicIntegrationTest
class ConcurrentClientsIntegrationTest {

	private static final int CLIENTS = 6;

	private static final int CHANGES_PER_CLIENT = 5;

	private final ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private RestTestClient http;

	private UUID ownerId;

	@BeforeEach
	void createOwner() {
		this.ownerId = new ClinicApi(this.http).createOwner("Shared Owner", "Anytown");
	}

	@AfterEach
	void stopClients() {
		this.threads.shutdownNow();
	}

	/**
	 * Each client reads the owner's visit counter (kept in the telephone column) and
	 * writes it back one higher with {@code If-Match}; on {@code 412} or {@code 409} it
	 * reads again and retries. Without the precondition two clients holding the same
	 * value would both write the same next value and an increment would be lost.
	 */
	@Test
	void incrementsWithIfMatchFromConcurrentClientsAreNeverLost() throws Exception {
		setTelephone("0");
		double retriesBefore = retries("OwnerService.update");
		ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();

		runClients((client) -> {
			int done = 0;
			for (int attempt = 0; done < CHANGES_PER_CLIENT && attempt < 500; attempt++) {
				HttpExchange current = send("GET", "/api/owners/" + this.ownerId, null, Map.of());
				long visits = Long.parseLong(current.json().get("telephone").asString());
				HttpExchange update = send("PUT", "/api/owners/" + this.ownerId, """
						{"name": "Shared Owner", "city": "Anytown", "telephone": "%d"}""".formatted(visits + 1),
						Map.of("If-Match", current.etag()));
				statuses.add(update.status());
				if (update.status() == 200) {
					done++;
				}
			}
		});

		assertThat(statuses).allSatisfy((status) -> assertThat(status).isIn(200, 409, 412));
		assertThat(statuses.stream().filter((status) -> status == 200)).hasSize(CLIENTS * CHANGES_PER_CLIENT);
		assertThat(statuses).contains(412);
		assertThat(telephone()).isEqualTo(Integer.toString(CLIENTS * CHANGES_PER_CLIENT));
		assertThat(retries("OwnerService.update")).isGreaterThan(retriesBefore);
	}

	@Test
	void updatesWithoutIfMatchLeaveTheOwnerAsTheLastSuccessfulOneSaysAndNoMix() throws Exception {
		ConcurrentLinkedQueue<HttpExchange> successes = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();

		runClients((client) -> {
			for (int change = 0; change < CHANGES_PER_CLIENT; change++) {
				String city = "City %d-%d".formatted(client, change);
				HttpExchange update = send("PUT", "/api/owners/" + this.ownerId, """
						{"name": "Owner %d-%d", "city": "%s"}""".formatted(client, change, city), Map.of());
				statuses.add(update.status());
				if (update.status() == 200) {
					assertThat(update.json().get("city").asString()).isEqualTo(city);
					successes.add(update);
				}
			}
		});

		assertThat(statuses).allSatisfy((status) -> assertThat(status).isIn(200, 409));
		Set<String> successfulStates = successes.stream()
			.map((update) -> update.json().get("name").asString() + "|" + update.json().get("city").asString())
			.collect(Collectors.toSet());
		String finalState = this.jdbc.sql("select name || '|' || city from owner where id = ?")
			.param(this.ownerId)
			.query(String.class)
			.single();
		assertThat(successfulStates).contains(finalState);
		assertThat(finalState.replace("Owner ", "").replace("City ", "").split("\\|"))
			.as("name and city come from one request")
			.containsOnly(finalState.substring("Owner ".length(), finalState.indexOf('|')));
	}

	@Test
	void petsAddedConcurrentlyToOneOwnerAreAllStoredExactlyOnce() throws Exception {
		double retriesBefore = retries("PetService.add");
		ConcurrentLinkedQueue<HttpExchange> answers = new ConcurrentLinkedQueue<>();

		runClients((client) -> {
			for (int pet = 0; pet < CHANGES_PER_CLIENT; pet++) {
				answers.add(send("POST", "/api/owners/" + this.ownerId + "/pets", """
						{"name": "Pet %d-%d", "birthDate": "2020-01-01"}""".formatted(client, pet), Map.of()));
			}
		});

		assertThat(answers).allSatisfy((answer) -> assertThat(answer.status()).as(answer.body()).isIn(201, 409));
		Set<String> created = answers.stream()
			.filter((answer) -> answer.status() == 201)
			.map((answer) -> answer.json().get("id").asString() + "|" + answer.json().get("name").asString())
			.collect(Collectors.toSet());
		List<String> stored = this.jdbc.sql("select id || '|' || name from pet where \"ownerId\" = ?")
			.param(this.ownerId)
			.query(String.class)
			.list();
		assertThat(stored).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
		assertThat(retries("PetService.add")).as("retries of PetService.add").isGreaterThan(retriesBefore);
	}

	private void runClients(Client client) throws Exception {
		List<CompletableFuture<Void>> running = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			int number = i;
			running.add(CompletableFuture.runAsync(() -> client.run(number), this.threads));
		}
		CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
	}

	private HttpExchange send(String method, String path, @Nullable String json, Map<String, String> headers) {
		return HttpExchange.send(this.port, method, path, json, headers);
	}

	private void setTelephone(String telephone) {
		this.jdbc.sql("update owner set telephone = ? where id = ?").params(telephone, this.ownerId).update();
	}

	private String telephone() {
		return this.jdbc.sql("select telephone from owner where id = ?")
			.param(this.ownerId)
			.query(String.class)
			.single();
	}

	private double retries(String useCase) {
		Counter counter = this.meters.find(OccRetry.RETRIES).tag(OccRetry.USE_CASE, useCase).counter();
		return (counter != null) ? counter.count() : 0;
	}

	@FunctionalInterface
	private interface Client {

		void run(int number);

	}

}
