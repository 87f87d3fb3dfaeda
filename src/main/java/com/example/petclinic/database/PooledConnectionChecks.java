package com.example.petclinic.database;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Keeps HikariCP from checking a connection that has sat idle for more than 500 ms before
 * handing it out ({@code Connection.isValid}): on Aurora DSQL that check is a round trip
 * over the network in front of almost every request of a service that is not saturated. A
 * connection that broke while idle is found by the request that uses it instead, which is
 * then run again on a fresh connection (see {@code retry.UseCaseRunner}), and the pool
 * checks its idle connections in the background ({@code spring.datasource.hikari
 * .keepalive-time}).
 * <p>
 * HikariCP reads this only from the system property
 * {@value #ALIVE_BYPASS_WINDOW_PROPERTY}, when a pool is created, so it is set here,
 * before any pool exists, unless it is set already or
 * {@code petclinic.database.validate-on-borrow=true}.
 */
public class PooledConnectionChecks implements EnvironmentPostProcessor {

	static final String ALIVE_BYPASS_WINDOW_PROPERTY = "com.zaxxer.hikari.aliveBypassWindowMs";

	private static final String NEVER = Long.toString(Long.MAX_VALUE);

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean validateOnBorrow = Binder.get(environment)
			.bindOrCreate("petclinic.database", DatabaseProperties.class)
			.validateOnBorrow();
		String current = System.getProperty(ALIVE_BYPASS_WINDOW_PROPERTY);
		if (!validateOnBorrow && current == null) {
			System.setProperty(ALIVE_BYPASS_WINDOW_PROPERTY, NEVER);
		}
		else if (validateOnBorrow && NEVER.equals(current)) {
			System.clearProperty(ALIVE_BYPASS_WINDOW_PROPERTY);
		}
	}

}
