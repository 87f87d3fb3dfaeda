package com.example.petclinic.retry;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OccRetryUnitTest {

	private static final String USE_CASE = "OwnerService.update";

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final OccRetry retry = new OccRetry(properties(3, Duration.ofMillis(1)), this.meters);

	private final AtomicInteger attempts = new AtomicInteger();

	@AfterEach
	void closeTransaction() {
		TransactionSynchronizationManager.setActualTransactionActive(false);
	}

	@Test
	void runsTheUseCaseAgainAfterASerializationFailureUntilItSucceeds() throws Throwable {
		Object result = this.retry.run(USE_CASE, () -> {
			if (this.attempts.incrementAndGet() < 3) {
				throw conflict();
			}
			return "updated";
		});

		assertThat(result).isEqualTo("updated");
		assertThat(this.attempts).hasValue(3);
		assertThat(count(OccRetry.RETRIES)).isEqualTo(2);
		assertThat(count(OccRetry.FAILURES)).isZero();
	}

	@Test
	void givesUpAfterTheLastAttemptWithAConflictTheClientMayRetry() {
		assertThatExceptionOfType(SerializationConflictException.class)
			.isThrownBy(() -> this.retry.run(USE_CASE, () -> {
				this.attempts.incrementAndGet();
				throw conflict();
			}))
			.withMessage("OwnerService.update conflicted with concurrent transactions on all 3 attempts")
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(2)));

		assertThat(this.attempts).hasValue(3);
		assertThat(count(OccRetry.RETRIES)).isEqualTo(2);
		assertThat(count(OccRetry.FAILURES)).isEqualTo(1);
	}

	@Test
	void neverRetriesAnyOtherFailure() {
		IllegalArgumentException notAConflict = new IllegalArgumentException("Owner does not exist");

		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> this.retry.run(USE_CASE, () -> {
			this.attempts.incrementAndGet();
			throw notAConflict;
		})).isSameAs(notAConflict);

		assertThat(this.attempts).hasValue(1);
		assertThat(count(OccRetry.RETRIES)).isZero();
		assertThat(count(OccRetry.FAILURES)).isZero();
	}

	@Test
	void refusesToRunInsideAnOpenTransaction() {
		TransactionSynchronizationManager.setActualTransactionActive(true);

		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.retry.run(USE_CASE, this.attempts::incrementAndGet))
			.withMessageStartingWith("OwnerService.update was called inside an open transaction");
		assertThat(this.attempts).hasValue(0);
	}

	@Test
	void drawsEachPauseFromZeroToACeilingThatDoublesPerRetry() {
		List<Long> bounds = new ArrayList<>();
		OccRetry recording = new OccRetry(properties(4, Duration.ofMillis(100)), this.meters, (bound) -> {
			bounds.add(bound);
			return 0;
		});

		assertThatExceptionOfType(SerializationConflictException.class).isThrownBy(() -> recording.run(USE_CASE, () -> {
			throw conflict();
		}));

		// exclusive bounds: pauses of at most 100, 200 and 400 ms
		assertThat(bounds).containsExactly(101L, 201L, 401L);
	}

	private double count(String name) {
		Counter counter = this.meters.find(name).tag(OccRetry.USE_CASE, USE_CASE).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static OccRetryProperties properties(int maxAttempts, Duration initialDelay) {
		return new OccRetryProperties(maxAttempts, initialDelay, 2.0, Duration.ofSeconds(1), Duration.ofSeconds(2));
	}

	private static RuntimeException conflict() {
		return new CannotAcquireLockException("update owner",
				new SQLException("ERROR: could not serialize access due to concurrent update", "40001"));
	}

}
