package com.example.petclinic.migration;

import java.sql.SQLException;

import liquibase.Liquibase;
import liquibase.integration.spring.Customizer;
import liquibase.integration.spring.SpringLiquibase;

import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Liquibase on DSQL: indexes are created with {@code CREATE INDEX ASYNC} (the changelog's
 * {@code createIndex} parameter), and the migration counts as done only when their builds
 * have finished, so nothing that needs the database, JPA included, starts before. Each
 * changeset of the changelog holds one DDL statement and runs in its own transaction;
 * Liquibase's lock is its {@code DATABASECHANGELOGLOCK} table, which DSQL supports,
 * unlike advisory locks.
 */
final class DsqlLiquibaseMigration {

	static final String CREATE_INDEX_PARAMETER = "createIndex";

	static final String CREATE_INDEX_ASYNC = "CREATE INDEX ASYNC";

	private DsqlLiquibaseMigration() {
	}

	/**
	 * Sets {@code createIndex}, over any {@code spring.liquibase.parameters.createIndex}.
	 */
	static Customizer<Liquibase> asyncIndexes() {
		return (liquibase) -> liquibase.getChangeLogParameters().set(CREATE_INDEX_PARAMETER, CREATE_INDEX_ASYNC);
	}

	/**
	 * Waits for the index builds once Liquibase's bean has migrated, before any bean that
	 * depends on it is created, unless {@code enabled} is {@code false}.
	 */
	static BeanPostProcessor waitForIndexBuilds(boolean enabled) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (enabled && bean instanceof SpringLiquibase liquibase) {
					try {
						new AsyncIndexBuilds(liquibase.getDataSource()).awaitAll();
					}
					catch (SQLException ex) {
						throw new BeanInitializationException("Cannot wait for the index builds of the migration", ex);
					}
				}
				return bean;
			}

		};
	}

}
