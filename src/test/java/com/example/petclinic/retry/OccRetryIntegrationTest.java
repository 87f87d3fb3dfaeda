package com.example.petclinic.retry;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.example.petclinic.owner.OwnerRequest;
import com.example.petclinic.owner.OwnerService;
import com.example.petclinic.test.ClinicApi;
import com.example.petclinic.test.ConflictingTransaction;
import com.example.petclinic.test.PetClinicIntegrationTest;
import com.example.petclinic.usecase.Precondition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Real serialization failures from PostgreSQL at {@code REPEATABLE READ}, not mocks: a
 * second client's transaction holds the row the request updates and commits while the
 * request's transaction waits for it.
 */
@PetClinicIntegrationTest
class OccRetryIntegrationTest {

	@Autowired
	private ClinicApi api;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private OwnerService owners;

	@Autowired
	private TransactionTemplate transactions;

	private UUID ownerId;

	@BeforeEach
	void createOwner() {
		this.ownerId = this.api.createOwner("John Doe", "New York");
	}

	@Test
	void databaseTransactionsRunAtRepeatableRead() {
		String isolation = this.transactions
			.execute((status) -> this.api.jdbc().sql("show transaction_isolation").query(String.class).single());

		assertThat(isolation).isEqualTo("repeatable read");
	}

	// Also shows that the retry wraps the transaction: retried inside it, the second
	// attempt would run in the aborted transaction and fail again.
	@Test
	void anUpdateThatLosesAConflictIsRunAgainAndSucceeds() throws Exception {
		double retriesBefore = retries("OwnerService.update");
		CompletableFuture<String> update;
		try (ConflictingTransaction other = ConflictingTransaction
			.begin("update owner set city = 'Anytown' where id = ?", this.ownerId)) {
			update = CompletableFuture.supplyAsync(() -> this.api.putJson("/api/owners/" + this.ownerId, """
					{"name": "John Smith", "city": "Boston"}"""));
			other.awaitWaitingSession();
			other.commit();
		}

		assertThat(update.get(10, TimeUnit.SECONDS)).contains("\"name\":\"John Smith\"", "\"city\":\"Boston\"");
		assertThat(this.api.jdbc()
			.sql("select name || '|' || city from owner where id = ?")
			.param(this.ownerId)
			.query(String.class)
			.single()).isEqualTo("John Smith|Boston");
		assertThat(retries("OwnerService.update") - retriesBefore).isEqualTo(1);
	}

	@Test
	void aUseCaseCalledInsideAnOpenTransactionIsRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.transactions.executeWithoutResult((status) -> this.owners.update(this.ownerId,
					new OwnerRequest("John Smith", "Boston", null), Precondition.NONE)))
			.withMessageStartingWith("OwnerService.update was called inside an open transaction");
		assertThat(this.api.jdbc()
			.sql("select name from owner where id = ?")
			.param(this.ownerId)
			.query(String.class)
			.single()).isEqualTo("John Doe");
	}

	private double retries(String useCase) {
		Counter counter = this.meters.find(OccRetry.RETRIES).tag(OccRetry.USE_CASE, useCase).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
