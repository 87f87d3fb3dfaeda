package com.example.petclinic.retry;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import com.example.petclinic.database.CommitOutcomeUnknownException;
import com.example.petclinic.database.DatabaseEndpoint;
import com.example.petclinic.database.DatabaseEndpoints;
import com.example.petclinic.database.DatabaseFaults;
import com.example.petclinic.database.DatabaseProperties;
import com.example.petclinic.database.DatabaseUnavailableException;
import com.example.petclinic.usecase.AfterUnknownCommit;
import com.example.petclinic.usecase.PreconditionFailedException;
import com.example.petclinic.usecase.ResourceNotFoundException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Runs a use case, a write in a transaction of its own and a read in none (see
 * {@link com.example.petclinic.usecase.ReadUseCase}), and, when it fails, again whenever
 * that is safe and may succeed:
 * <ul>
 * <li>after an optimistic-concurrency conflict, a write as a whole, by {@link OccRetry};
 * </li>
 * <li>after a connection fault (see {@link DatabaseFaults}), on a fresh connection, which
 * goes to the other Region's endpoint when the first one is down: a read always, a write
 * whose {@code COMMIT} was never sent always, and a write whose {@code COMMIT} was on its
 * way when the connection broke only as its {@link AfterUnknownCommit} says. A write
 * flushes its statements before committing, so that a failure of the {@code COMMIT}
 * itself is told apart from one of its statements.</li>
 * </ul>
 * When the database cannot be reached (every endpoint down, or the attempts used up) the
 * answer is a {@link DatabaseUnavailableException}, a {@code 503} that tells the client
 * nothing was changed; when a write's outcome stays unknown, a
 * {@link CommitOutcomeUnknownException}, a {@code 503} that says so. A transaction that
 * runs out of time (see {@code spring.transaction.default-timeout}) is not run again.
 * Every fault a request meets is reported to the {@link DatabaseEndpoints}, whose probes
 * then look at once. Counted in {@value #FAULT_RETRIES}, {@value #UNAVAILABLE} and
 * {@value #UNKNOWN_COMMITS}, tagged {@value OccRetry#USE_CASE}.
 */
public class UseCaseRunner {

	static final String FAULT_RETRIES = "petclinic.database.fault.retries";

	static final String UNAVAILABLE = "petclinic.database.unavailable";

	static final String UNKNOWN_COMMITS = "petclinic.database.unknown.commits";

	private static final Logger logger = LoggerFactory.getLogger(UseCaseRunner.class);

	private static final long FIRST_PAUSE_CEILING_MILLIS = 50;

	private static final long LONGEST_PAUSE_MILLIS = 500;

	private final OccRetry occRetry;

	private final PlatformTransactionManager transactions;

	private final TransactionDefinition reads;

	private final TransactionDefinition writes;

	private final DatabaseEndpoints endpoints;

	private final int maxAttempts;

	private final Duration retryAfter;

	private final MeterRegistry meters;

	UseCaseRunner(OccRetry occRetry, PlatformTransactionManager transactions, DatabaseEndpoints endpoints,
			DatabaseProperties properties, MeterRegistry meters) {
		this.occRetry = occRetry;
		this.transactions = transactions;
		// A read runs in no database transaction (no BEGIN, no COMMIT): each of its
		// statements reads a consistent snapshot of its own, and a read of one statement
		// costs one round trip. Spring's "empty" transaction still gives it one
		// EntityManager and one connection from its first statement to its end.
		DefaultTransactionDefinition reads = new DefaultTransactionDefinition(
				TransactionDefinition.PROPAGATION_SUPPORTS);
		reads.setReadOnly(true);
		this.reads = reads;
		this.writes = new DefaultTransactionDefinition();
		this.endpoints = endpoints;
		this.maxAttempts = properties.faultAttempts();
		this.retryAfter = properties.retryAfter();
		this.meters = meters;
	}

	/**
	 * Runs {@code body} until it succeeds or fails in a way that running it again cannot
	 * help or would not be safe.
	 */
	public @Nullable Object run(UseCase useCase, Body body) throws Throwable {
		if (useCase.readOnly() && TransactionSynchronizationManager.isSynchronizationActive()) {
			// Part of a use case that is running already.
			return body.run();
		}
		Attempt unknownCommit = null;
		for (int attempt = 1;; attempt++) {
			if (!this.endpoints.isAvailable()) {
				throw giveUp(useCase, unknownCommit, new DatabaseUnreachable());
			}
			Attempt current = new Attempt();
			DatabaseEndpoint endpoint = this.endpoints.active();
			try {
				// Reads too: Aurora DSQL may refuse a statement whose schema changed
				// meanwhile (40001, OC001), whether it writes or not.
				@Nullable Object result = this.occRetry.run(useCase.name(), () -> inTransaction(useCase, body, current));
				if (unknownCommit != null) {
					resolved(useCase, "repeated");
				}
				return result;
			}
			catch (Throwable ex) {
				if (unknownCommit != null && alreadyApplied(useCase, ex, unknownCommit)) {
					resolved(useCase, "found applied");
					return unknownCommit.result;
				}
				if (DatabaseFaults.isTimeout(ex) || !DatabaseFaults.isConnectionFault(ex)) {
					// After a COMMIT whose outcome is unknown, a repeat refused
					// for any other reason (the row changed or went meanwhile)
					// cannot say whether the first attempt was stored: passing
					// its refusal on could be untrue.
					if (DatabaseFaults.isTimeout(ex) || unknownCommit != null) {
						throw giveUp(useCase, unknownCommit, ex);
					}
					throw ex;
				}
				if (useCase.readOnly() && DatabaseFaults.isSocketTimeout(ex) && endpoint.isUp()) {
					// The database answers its probes, so the statement was waiting on it
					// (a lock), not on the network: running it again would wait again.
					// This bounds every statement of a read, those of lazy loads and
					// EntityManager.find included, which the query timeout does not.
					throw giveUp(useCase, null, new SQLTimeoutException(
							"A statement outlasted the socket timeout while its endpoint answered", "57014", ex));
				}
				this.endpoints.reportFault(endpoint, DatabaseFaults.isBrokenConnection(ex));
				if (current.commitSent && !useCase.readOnly()) {
					if (useCase.afterUnknownCommit() == AfterUnknownCommit.ANSWER_UNKNOWN) {
						counter(UNKNOWN_COMMITS, useCase, "answered unknown").increment();
						logger.warn("{}: the connection broke during COMMIT, the outcome is unknown and the client is "
								+ "told so ({})", useCase.name(), DatabaseFaults.describe(ex));
						throw new CommitOutcomeUnknownException(useCase.name(), this.retryAfter, ex);
					}
					unknownCommit = current;
				}
				if (attempt >= this.maxAttempts) {
					throw giveUp(useCase, unknownCommit, ex);
				}
				counter(FAULT_RETRIES, useCase, null).increment();
				logger.debug("{} runs again after a database fault on attempt {}: {}", useCase.name(), attempt,
						DatabaseFaults.describe(ex));
				pause(attempt);
			}
		}
	}

	private @Nullable Object inTransaction(UseCase useCase, Body body, Attempt attempt) throws Throwable {
		attempt.commitSent = false;
		TransactionStatus transaction = this.transactions.getTransaction(useCase.readOnly() ? this.reads : this.writes);
		@Nullable Object result;
		try {
			result = body.run();
			if (!useCase.readOnly()) {
				// Every statement is sent: a failure after this point is the COMMIT's.
				transaction.flush();
				attempt.result = result;
				attempt.commitSent = true;
			}
		}
		catch (Throwable ex) {
			rollback(transaction, ex);
			throw ex;
		}
		this.transactions.commit(transaction);
		return result;
	}

	/**
	 * Rolls back after {@code failure}, which stays the failure: on a broken connection
	 * the rollback fails too, and must not hide why.
	 */
	private void rollback(TransactionStatus transaction, Throwable failure) {
		try {
			this.transactions.rollback(transaction);
		}
		catch (RuntimeException ex) {
			failure.addSuppressed(ex);
		}
	}

	/**
	 * Whether the failure of a repeat shows that the attempt whose commit went
	 * unacknowledged was stored after all.
	 */
	private static boolean alreadyApplied(UseCase useCase, Throwable failure, Attempt unknown) {
		AfterUnknownCommit rule = Objects.requireNonNull(useCase.afterUnknownCommit());
		return switch (rule) {
			case REPEAT_CREATE -> isPrimaryKeyTaken(failure);
			case REPEAT_REPLACE -> failure instanceof PreconditionFailedException precondition
					&& Objects.equals(precondition.getCurrent(), unknown.result);
			case REPEAT_DELETE -> failure instanceof ResourceNotFoundException;
			case ANSWER_UNKNOWN -> false;
		};
	}

	private static boolean isPrimaryKeyTaken(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	private RuntimeException giveUp(UseCase useCase, @Nullable Attempt unknownCommit, Throwable failure) {
		if (unknownCommit != null) {
			counter(UNKNOWN_COMMITS, useCase, "unresolved").increment();
			logger.warn("{}: the connection broke during COMMIT and the outcome could not be found out; the client "
					+ "is told it is unknown ({})", useCase.name(), DatabaseFaults.describe(failure));
			return new CommitOutcomeUnknownException(useCase.name(), this.retryAfter, failure);
		}
		counter(UNAVAILABLE, useCase, null).increment();
		DatabaseUnavailableException unavailable = DatabaseUnavailableException.of(useCase.name(), failure,
				this.retryAfter);
		logger.warn("{}; the client is told to retry", unavailable.getMessage());
		return unavailable;
	}

	private void resolved(UseCase useCase, String how) {
		counter(UNKNOWN_COMMITS, useCase, how).increment();
		logger.info("{}: the connection broke during COMMIT; the outcome was resolved ({})", useCase.name(), how);
	}

	private static void pause(int attempt) throws InterruptedException {
		long ceiling = Math.min(LONGEST_PAUSE_MILLIS, FIRST_PAUSE_CEILING_MILLIS << (attempt - 1));
		Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling + 1));
	}

	private Counter counter(String name, UseCase useCase, @Nullable String outcome) {
		Counter.Builder builder = Counter.builder(name).tag(OccRetry.USE_CASE, useCase.name());
		if (outcome != null) {
			builder.tag("outcome", outcome);
		}
		return builder.register(this.meters);
	}

	/** One run of the use case's method, inside the transaction the runner opened. */
	@FunctionalInterface
	public interface Body {

		@Nullable Object run() throws Throwable;

	}

	/** What one attempt got to. */
	private static final class Attempt {

		volatile boolean commitSent;

		volatile @Nullable Object result;

	}

	/** Every endpoint failed its last probes: the request is not even tried. */
	private static final class DatabaseUnreachable extends SQLException {

		DatabaseUnreachable() {
			super("No database endpoint answered its last probes", "08001");
		}

	}

}
