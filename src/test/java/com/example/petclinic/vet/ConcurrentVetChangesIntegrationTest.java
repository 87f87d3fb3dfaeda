package com.example.petclinic.vet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import com.example.petclinic.test.ClinicApi;
import com.example.petclinic.test.ConflictingTransaction;
import com.example.petclinic.test.PetClinicIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change to a vet writes the vet's own row, also when it changes only the vet's
 * specialties (the rows of {@code "_SpecialtyToVet"}), so that every concurrent change to
 * the same vet conflicts with it and is run again against the new state. Each race is
 * made certain, not left to timing: another client holds the rows of the specialties the
 * changes need, so each change waits in the middle of its transaction until every rival
 * request has been sent.
 */
@PetClinicIntegrationTest
class ConcurrentVetChangesIntegrationTest {

	private static final List<String> SPECIALTIES = List.of("Birds", "Cats", "Dogs", "Exotic", "Fish", "Horses");

	private final ExecutorService clients = Executors.newCachedThreadPool();

	@Autowired
	private RestTestClient http;

	@Autowired
	private JdbcClient jdbc;

	private UUID vetId;

	@BeforeEach
	void createVet() {
		ClinicApi api = new ClinicApi(this.http);
		SPECIALTIES.forEach(api::createSpecialty);
		this.vetId = api.createVet("Carlos Salazar");
	}

	@AfterEach
	void stopClients() {
		this.clients.shutdownNow();
	}

	@Test
	void aVetDeletedWhileItsSpecialtiesChangeLeavesNoAssignmentBehind() throws Exception {
		CompletableFuture<Integer> update;
		CompletableFuture<Integer> delete;
		try (ConflictingTransaction holdingCats = holdSpecialties("Cats")) {
			update = async(() -> put(null, "Cats"));
			holdingCats.awaitWaitingSession();
			delete = async(() -> this.http.delete()
				.uri("/api/vets/" + this.vetId)
				.exchange()
				.returnResult()
				.getStatus()
				.value());
			await(() -> delete.isDone() || waitingSessions() == 2);
		}

		assertThat(delete.get(10, TimeUnit.SECONDS)).isEqualTo(204);
		assertThat(update.get(10, TimeUnit.SECONDS)).isIn(200, 404);
		assertThat(this.jdbc.sql("select count(*) from vet").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from \"_SpecialtyToVet\"").query(Long.class).single())
			.as("assignments of the deleted vet")
			.isZero();
	}

	@Test
	void ofConcurrentChangesWithTheSameIfMatchOnlyOneApplies() throws Exception {
		String etag = etag();
		List<CompletableFuture<Integer>> updates = new ArrayList<>();
		try (ConflictingTransaction holdingAll = holdSpecialties(SPECIALTIES.toArray(String[]::new))) {
			for (String specialty : SPECIALTIES) {
				updates.add(async(() -> put(etag, specialty)));
			}
			await(() -> waitingSessions() == SPECIALTIES.size());
		}

		List<Integer> statuses = new ArrayList<>();
		for (CompletableFuture<Integer> update : updates) {
			statuses.add(update.get(10, TimeUnit.SECONDS));
		}
		assertThat(statuses).containsOnly(200, 412).containsOnlyOnce(200);
		assertThat(specialties()).containsExactly(SPECIALTIES.get(statuses.indexOf(200)));
	}

	@Test
	void concurrentChangesWithoutIfMatchLeaveExactlyTheSpecialtiesOneOfThemSent() throws Exception {
		// Each round of conflicts has one winner, so the last of n changes may need n
		// attempts: no more changes than the retry's 5 attempts serve.
		List<String> sent = SPECIALTIES.subList(0, 4);
		List<CompletableFuture<Integer>> updates = new ArrayList<>();
		try (ConflictingTransaction holdingAll = holdSpecialties(sent.toArray(String[]::new))) {
			for (String specialty : sent) {
				updates.add(async(() -> put(null, specialty)));
			}
			await(() -> waitingSessions() == sent.size());
		}

		for (CompletableFuture<Integer> update : updates) {
			assertThat(update.get(10, TimeUnit.SECONDS)).isEqualTo(200);
		}
		assertThat(specialties()).hasSize(1).containsAnyElementsOf(sent);
	}

	/**
	 * Another client's transaction that has written the specialties' rows and holds them
	 * until closed, when it rolls back: a change that needs one of them waits for it,
	 * then goes on without a conflict.
	 */
	private static ConflictingTransaction holdSpecialties(String... names) throws Exception {
		return ConflictingTransaction.begin("update specialty set name = name where name = any (?)", (Object) names);
	}

	private int put(@Nullable String ifMatch, String... specialties) {
		RestTestClient.RequestBodySpec request = this.http.put()
			.uri("/api/vets/" + this.vetId)
			.contentType(MediaType.APPLICATION_JSON);
		if (ifMatch != null) {
			request.header(HttpHeaders.IF_MATCH, ifMatch);
		}
		return request.body(new VetRequest("Carlos Salazar", Set.of(specialties)))
			.exchange()
			.returnResult()
			.getStatus()
			.value();
	}

	private String etag() {
		String etag = this.http.get()
			.uri("/api/vets/" + this.vetId)
			.exchange()
			.returnResult()
			.getResponseHeaders()
			.getETag();
		assertThat(etag).isNotNull();
		return etag;
	}

	private List<String> specialties() {
		return this.jdbc.sql("select \"A\" from \"_SpecialtyToVet\" where \"B\" = ?")
			.param(this.vetId)
			.query(String.class)
			.list();
	}

	private long waitingSessions() {
		return this.jdbc.sql("select count(*) from pg_locks where not granted").query(Long.class).single();
	}

	private <T> CompletableFuture<T> async(Supplier<T> request) {
		return CompletableFuture.supplyAsync(request, this.clients);
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The race did not reach the expected state within 10 s");
			}
			Thread.sleep(10);
		}
	}

}
