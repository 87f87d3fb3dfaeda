package com.example.petclinic.migration;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanInitializationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An instance that loses the race to create Liquibase's own tables migrates again; any
 * other failure fails the start at once.
 */
class ConcurrentMigrationRetryUnitTest {

	private final ConcurrentMigrationRetry retry = new ConcurrentMigrationRetry(Duration.ZERO);

	@Test
	void aFirstMigrationThatFindsTheTableCreatedMeanwhileIsRunOnceMore() {
		ScriptedLiquibase liquibase = new ScriptedLiquibase(failure("42P07"), null);

		this.retry.postProcessBeforeInitialization(liquibase, "liquibase");

		assertThat(liquibase.runs).isEqualTo(2);
		assertThat(liquibase.shouldRun).as("to be run again when the container initialises it").isFalse();
	}

	@Test
	void aSerializationFailureOfTheFirstMigrationOnDsqlIsRunOnceMore() {
		ScriptedLiquibase liquibase = new ScriptedLiquibase(failure("40001"), null);

		this.retry.postProcessBeforeInitialization(liquibase, "liquibase");

		assertThat(liquibase.runs).isEqualTo(2);
	}

	@Test
	void anyOtherFailureIsNotRetried() {
		ScriptedLiquibase liquibase = new ScriptedLiquibase(failure("42601"), null);

		assertThatExceptionOfType(BeanInitializationException.class)
			.isThrownBy(() -> this.retry.postProcessBeforeInitialization(liquibase, "liquibase"))
			.withMessage("Liquibase could not migrate the database");
		assertThat(liquibase.runs).isOne();
	}

	@Test
	void losingTheRaceOnEveryAttemptFailsTheStart() {
		ScriptedLiquibase liquibase = new ScriptedLiquibase(failure("42P07"), failure("42P07"), failure("42P07"), null);

		assertThatExceptionOfType(BeanInitializationException.class)
			.isThrownBy(() -> this.retry.postProcessBeforeInitialization(liquibase, "liquibase"));
		assertThat(liquibase.runs).isEqualTo(3);
	}

	private static LiquibaseException failure(String sqlState) {
		return new LiquibaseException("Migration failed",
				new SQLException("ERROR: relation \"databasechangeloglock\" already exists", sqlState));
	}

	/**
	 * Fails or succeeds on each run as told, in order.
	 */
	private static final class ScriptedLiquibase extends SpringLiquibase {

		private final Deque<Optional<LiquibaseException>> outcomes = new ArrayDeque<>();

		private int runs;

		private boolean shouldRun = true;

		/**
		 * @param outcomes the failure of each run, {@code null} for a run that succeeds
		 */
		ScriptedLiquibase(@Nullable LiquibaseException... outcomes) {
			for (LiquibaseException outcome : outcomes) {
				this.outcomes.add(Optional.ofNullable(outcome));
			}
		}

		@Override
		public void setShouldRun(boolean shouldRun) {
			this.shouldRun = shouldRun;
		}

		@Override
		public void afterPropertiesSet() throws LiquibaseException {
			this.runs++;
			Optional<LiquibaseException> outcome = this.outcomes.poll();
			if (outcome != null && outcome.isPresent()) {
				throw outcome.get();
			}
		}

	}

}
