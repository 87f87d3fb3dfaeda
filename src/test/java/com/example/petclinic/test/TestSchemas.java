package com.example.petclinic.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Schemas of a test's own in the {@link TestDatabase}, beside the service's, for a test
 * that migrates or fills tables no other test may see.
 */
public final class TestSchemas {

	private TestSchemas() {
	}

	/**
	 * Runs statements on the test database, outside any schema of a test's own.
	 */
	public static void execute(String... statements) throws SQLException {
		PostgresConnectionDetails database = TestDatabase.connectionDetails();
		try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
				database.password()); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	/**
	 * A new connection whose current schema is {@code schema}; Liquibase closes the
	 * connection it was given when it is closed.
	 */
	public static Connection connect(String schema) throws SQLException {
		PostgresConnectionDetails database = TestDatabase.connectionDetails();
		String url = database.jdbcUrl().replaceAll("([?&])currentSchema=[^&]*&?", "$1");
		return DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
				database.username(), database.password());
	}

}
