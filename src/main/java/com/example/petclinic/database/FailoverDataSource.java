package com.example.petclinic.database;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * Hands out connections of the {@linkplain DatabaseEndpoints#active() active} endpoint's
 * pool. A connection stays with the pool it came from, so a transaction started before a
 * switch ends where it began, and only new work moves. It starts the endpoints' probes
 * before its first connection, and closes their pools when it is closed.
 */
public class FailoverDataSource extends AbstractDataSource implements InitializingBean, DisposableBean {

	private final DatabaseEndpoints endpoints;

	public FailoverDataSource(DatabaseEndpoints endpoints) {
		this.endpoints = endpoints;
	}

	public DatabaseEndpoints endpoints() {
		return this.endpoints;
	}

	@Override
	public void afterPropertiesSet() {
		this.endpoints.start();
	}

	@Override
	public Connection getConnection() throws SQLException {
		return this.endpoints.active().pool().getConnection();
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		throw new SQLException("Each endpoint's pool logs in with its own credentials");
	}

	@Override
	public void destroy() {
		this.endpoints.close();
		this.endpoints.all().forEach((endpoint) -> endpoint.pool().close());
	}

}
