package com.example.petclinic.migration;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;

import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Runs Liquibase again when it loses a race with another instance migrating the same
 * database. Liquibase's lock table makes one instance wait while another applies the
 * changesets, but on an empty database two instances starting together both try to create
 * Liquibase's own tables before either holds that lock, and the loser fails
 * ({@code 42P07}/{@code 23505} on PostgreSQL, {@code 40001} on Aurora DSQL). Its second
 * run finds the tables, waits for the lock and finds every changeset applied.
 * <p>
 * Liquibase then does not run a second time when the container initialises the bean.
 */
class ConcurrentMigrationRetry implements BeanPostProcessor {

	private static final Logger logger = LoggerFactory.getLogger(ConcurrentMigrationRetry.class);

	/**
	 * A table that exists already, a duplicate key in the catalog, or DSQL's
	 * serialization failure at commit.
	 */
	private static final Set<String> LOST_RACE = Set.of("42P07", "23505", "40001");

	private static final int ATTEMPTS = 3;

	private final Duration pause;

	/**
	 * @param pause how long to wait before migrating again, so that the winner can finish
	 * creating the tables
	 */
	ConcurrentMigrationRetry(Duration pause) {
		this.pause = pause;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof SpringLiquibase liquibase) {
			migrate(liquibase);
			liquibase.setShouldRun(false);
		}
		return bean;
	}

	private void migrate(SpringLiquibase liquibase) {
		for (int attempt = 1;; attempt++) {
			try {
				liquibase.afterPropertiesSet();
				return;
			}
			catch (LiquibaseException ex) {
				if (attempt == ATTEMPTS || !lostRace(ex)) {
					throw new BeanInitializationException("Liquibase could not migrate the database", ex);
				}
				logger.info("Another instance is creating Liquibase's tables at the same time; migrating again");
				pause();
			}
		}
	}

	private static boolean lostRace(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && LOST_RACE.contains(sql.getSQLState())) {
				return true;
			}
			if (cause.getCause() == cause) {
				return false;
			}
		}
		return false;
	}

	private void pause() {
		try {
			Thread.sleep(this.pause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BeanInitializationException("Interrupted while waiting to migrate again", ex);
		}
	}

}
