package com.example.petclinic.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongUnaryOperator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a write use case, one transaction, again from the start when it loses an
 * optimistic-concurrency conflict: on Aurora DSQL the loser of two conflicting
 * transactions fails at commit with SQLSTATE {@code 40001}, and only repeating the whole
 * transaction (re-reading what it read) is correct; repeating a statement is not.
 * <p>
 * Retries use Spring's {@link RetryTemplate} with exponential back-off and full jitter
 * ({@link FullJitterBackOff}), and only for {@linkplain SerializationFailures
 * serialization failures}; any other failure is passed on at once. When the attempts are
 * used up the use case fails with a {@link SerializationConflictException}. Each request
 * is logged once (never each attempt) and counted: {@value #RETRIES} and
 * {@value #FAILURES}, tagged {@value #USE_CASE}.
 * <p>
 * A retry needs a fresh transaction and a fresh persistence context: this is why
 * {@code spring.jpa.open-in-view} stays {@code false} and why a use case called inside a
 * transaction that is already open is refused.
 */
public class OccRetry {

	/**
	 * Ahead of (around) the transaction advisor, whose order is
	 * {@link Ordered#LOWEST_PRECEDENCE}: each attempt gets its own transaction.
	 */
	public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

	static final String RETRIES = "petclinic.occ.retries";

	static final String FAILURES = "petclinic.occ.failures";

	static final String USE_CASE = "use_case";

	private static final Logger logger = LoggerFactory.getLogger(OccRetry.class);

	private final RetryTemplate retryTemplate;

	private final Duration retryAfter;

	private final MeterRegistry meters;

	public OccRetry(OccRetryProperties properties, MeterRegistry meters) {
		this(properties, meters, (bound) -> ThreadLocalRandom.current().nextLong(bound));
	}

	OccRetry(OccRetryProperties properties, MeterRegistry meters, LongUnaryOperator randomBelow) {
		this.retryTemplate = new RetryTemplate(RetryPolicy.builder()
			.predicate(SerializationFailures::isSerializationFailure)
			.backOff(new FullJitterBackOff(properties.maxAttempts() - 1, properties.initialDelay(),
					properties.multiplier(), properties.maxDelay(), randomBelow))
			.build());
		this.retryAfter = properties.retryAfter();
		this.meters = meters;
	}

	/**
	 * Runs {@code attempt}, which must open and commit its own transaction, until it
	 * succeeds, fails with anything but a serialization failure, or has used up the
	 * attempts.
	 * @param useCase what the attempt does, as named in logs and metrics
	 * @param attempt one run of the use case in its own transaction
	 * @return what the successful attempt returned
	 * @throws SerializationConflictException when every attempt lost a conflict
	 * @throws IllegalStateException when called inside an open transaction
	 */
	public @Nullable Object run(String useCase, Attempt attempt) throws Throwable {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException(("%s was called inside an open transaction; it must start its own, "
					+ "so that a conflict retries all of its work and not just a part of it")
				.formatted(useCase));
		}
		AtomicInteger attempts = new AtomicInteger();
		try {
			@Nullable Object result = this.retryTemplate.execute(new Retryable<@Nullable Object>() {

				@Override
				public @Nullable Object execute() throws Throwable {
					attempts.incrementAndGet();
					return attempt.run();
				}

				@Override
				public String getName() {
					return useCase;
				}

			});
			countRetries(useCase, attempts.get());
			if (attempts.get() > 1) {
				logger.debug("{} succeeded on attempt {} after conflicting with concurrent transactions", useCase,
						attempts.get());
			}
			return result;
		}
		catch (RetryException ex) {
			countRetries(useCase, attempts.get());
			Throwable last = ex.getLastException();
			if (!SerializationFailures.isSerializationFailure(last)) {
				throw last;
			}
			counter(FAILURES, useCase).increment();
			logger.warn("{} gave up after {} attempts, each conflicting with concurrent transactions; "
					+ "the client is told to retry", useCase, attempts.get());
			throw new SerializationConflictException(useCase, attempts.get(), this.retryAfter, last);
		}
	}

	private void countRetries(String useCase, int attempts) {
		if (attempts > 1) {
			counter(RETRIES, useCase).increment(attempts - 1);
		}
	}

	private Counter counter(String name, String useCase) {
		return Counter.builder(name)
			.tag(USE_CASE, useCase)
			.description(RETRIES.equals(name) ? "Write use cases run again after a serialization failure"
					: "Write use cases that failed with a serialization failure on every attempt")
			.register(this.meters);
	}

	/**
	 * One run of a use case in its own transaction.
	 */
	@FunctionalInterface
	public interface Attempt {

		@Nullable Object run() throws Throwable;

	}

}
