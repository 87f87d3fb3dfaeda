package com.example.petclinic.retry;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.example.petclinic.test.HttpExchange;
import com.example.petclinic.test.PetClinicIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema has no foreign keys, so only the service keeps children from pointing at a
 * deleted parent. Here a delete of the parent and the creation of a child race each
 * other, round after round, on PostgreSQL at {@code REPEATABLE READ}.
 */
@PetClinicIntegrationTest
class ReferentialIntegrityRaceIntegrationTest {

	private static final int ROUNDS = 150;

	private final ExecutorService clients = Executors.newFixedThreadPool(2);

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@AfterEach
	void stopClients() {
		this.clients.shutdownNow();
	}

	@Test
	void deletingAnOwnerWhileAPetIsAddedNeverLeavesAnOrphan() throws Exception {
		Map<String, Integer> outcomes = new TreeMap<>();
		for (int round = 0; round < ROUNDS; round++) {
			UUID ownerId = UUID.randomUUID();
			this.jdbc.sql("insert into owner (id, name, city) values (?, 'Racing Owner', 'Anytown')")
				.param(ownerId)
				.update();
			HttpExchange[] answers = race(() -> send("DELETE", "/api/owners/" + ownerId, null),
					() -> send("POST", "/api/owners/" + ownerId + "/pets", """
							{"name": "Racing Pet", "birthDate": "2020-01-01"}"""));
			HttpExchange delete = answers[0];
			HttpExchange add = answers[1];
			boolean ownerDeleted = count("select count(*) from owner where id = ?", ownerId) == 0;
			boolean petAdded = count("select count(*) from pet where \"ownerId\" = ?", ownerId) == 1;
			assertThat(ownerDeleted && petAdded).as("round %d left an orphan: delete %s, add %s", round, delete, add)
				.isFalse();
			assertThat(delete.status()).as("delete %s", delete).isEqualTo(ownerDeleted ? 204 : 409);
			assertThat(add.status()).as("add %s", add).isIn(petAdded ? 201 : 404, petAdded ? 201 : 409);
			outcomes.merge(ownerDeleted ? "owner deleted" : (petAdded ? "pet added" : "both gave up"), 1, Integer::sum);
		}
		assertThat(count(
				"select count(*) from pet p where not exists " + "(select 1 from owner o where o.id = p.\"ownerId\")",
				null))
			.as("pets whose owner is gone")
			.isZero();
		System.out.println("Delete owner vs add pet, " + ROUNDS + " rounds: " + outcomes);
	}

	@Test
	void deletingASpecialtyWhileAVetIsGivenItNeverLeavesADanglingAssignment() throws Exception {
		for (int round = 0; round < ROUNDS / 3; round++) {
			String specialty = "Racing " + round;
			this.jdbc.sql("insert into specialty (name) values (?)").param(specialty).update();
			HttpExchange[] answers = race(
					() -> send("DELETE", "/api/specialties/" + specialty.replace(" ", "%20"), null),
					() -> send("POST", "/api/vets", """
							{"name": "Racing Vet", "specialties": ["%s"]}""".formatted(specialty)));
			assertThat(answers[0].status()).as("delete %s", answers[0]).isIn(204, 409);
			assertThat(answers[1].status()).as("create vet %s", answers[1]).isIn(201, 409, 422);
			assertThat(answers[0].status() == 204 && answers[1].status() == 201)
				.as("round %d: both the delete and the vet succeeded", round)
				.isFalse();
		}
		assertThat(count("select count(*) from \"_SpecialtyToVet\" a where not exists "
				+ "(select 1 from specialty s where s.name = a.\"A\")", null))
			.as("vets' specialties that are gone")
			.isZero();
	}

	private HttpExchange[] race(Supplier<HttpExchange> first, Supplier<HttpExchange> second) throws Exception {
		CyclicBarrier start = new CyclicBarrier(2);
		CompletableFuture<HttpExchange> a = CompletableFuture.supplyAsync(() -> afterBarrier(start, first),
				this.clients);
		CompletableFuture<HttpExchange> b = CompletableFuture.supplyAsync(() -> afterBarrier(start, second),
				this.clients);
		return new HttpExchange[] { a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS) };
	}

	private static HttpExchange afterBarrier(CyclicBarrier start, Supplier<HttpExchange> request) {
		try {
			start.await(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("The racing clients did not start together", ex);
		}
		return request.get();
	}

	private HttpExchange send(String method, String path, @Nullable String json) {
		return HttpExchange.send(this.port, method, path, json, Map.of());
	}

	private long count(String sql, @Nullable Object parameter) {
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql);
		return ((parameter != null) ? statement.param(parameter) : statement).query(Long.class).single();
	}

}
