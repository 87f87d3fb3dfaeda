package com.example.petclinic.retry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.example.petclinic.test.ClinicApi;
import com.example.petclinic.test.HttpExchange;
import com.example.petclinic.test.PetClinicIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Heavy contention on one row: 24 clients each update the same owner 8 times at once.
 * Every update succeeds or ends in a {@code 409}; how many gave up is printed, as a
 * measure of the back-off between attempts (it depends on the machine, so it is not
 * asserted).
 */
@PetClinicIntegrationTest
class OneRowContentionIntegrationTest {

	private static final int CLIENTS = 24;

	private static final int UPDATES_PER_CLIENT = 8;

	private final ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);

	@LocalServerPort
	private int port;

	@Autowired
	private RestTestClient http;

	@AfterEach
	void stopClients() {
		this.threads.shutdownNow();
	}

	@Test
	void updatesOfOneOwnerFromManyClientsAtOnceEachSucceedOrAskTheClientToRetry() throws Exception {
		UUID owner = new ClinicApi(this.http).createOwner("Contended Owner", "Anytown");
		ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
		CyclicBarrier start = new CyclicBarrier(CLIENTS);
		List<CompletableFuture<Void>> clients = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			int client = i;
			clients.add(CompletableFuture.runAsync(() -> {
				awaitAll(start);
				for (int update = 0; update < UPDATES_PER_CLIENT; update++) {
					statuses.add(HttpExchange.send(this.port, "PUT", "/api/owners/" + owner, """
							{"name": "Owner %d-%d", "city": "Anytown"}""".formatted(client, update), Map.of())
						.status());
				}
			}, this.threads));
		}
		CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(3, TimeUnit.MINUTES);

		assertThat(statuses).hasSize(CLIENTS * UPDATES_PER_CLIENT)
			.allSatisfy((status) -> assertThat(status).isIn(200, 409));
		System.out.printf("Updates of one owner from %d clients: %d of %d gave up with 409%n", CLIENTS,
				statuses.stream().filter((status) -> status == 409).count(), statuses.size());
	}

	private static void awaitAll(CyclicBarrier start) {
		try {
			start.await(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("The clients did not start together", ex);
		}
	}

}
