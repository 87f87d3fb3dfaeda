package com.example.petclinic.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PostgreSQL the integration tests run on, chosen by the system property
 * {@value #SELECTOR}:
 * <ul>
 * <li>{@code embedded} (the default): an embedded PostgreSQL 17, started once per test
 * JVM;</li>
 * <li>{@code server}: the PostgreSQL server given by {@code PETCLINIC_TEST_SERVER_URL}
 * (default {@value #DEFAULT_SERVER_URL}), in a schema of the test run's own, dropped when
 * it ends; when the server cannot be reached the tests are skipped, and say why.</li>
 * </ul>
 * The build runs the integration tests once with each.
 */
public final class TestDatabase implements ExecutionCondition {

	static final String SELECTOR = "petclinic.test.database";

	static final String DEFAULT_SERVER_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

	private static final String SERVER_SCHEMA = "petclinic_test_" + ProcessHandle.current().pid();

	private static @Nullable PostgresConnectionDetails connection;

	private static @Nullable String unreachableReason;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		connectionDetailsOrNull();
		return (unreachableReason != null) ? ConditionEvaluationResult.disabled(unreachableReason)
				: ConditionEvaluationResult.enabled("Testing on " + describe());
	}

	public static synchronized PostgresConnectionDetails connectionDetails() {
		PostgresConnectionDetails details = connectionDetailsOrNull();
		if (details == null) {
			throw new IllegalStateException(unreachableReason);
		}
		return details;
	}

	public static String describe() {
		return isServer() ? "the PostgreSQL server at " + serverUrl() : "an embedded PostgreSQL";
	}

	private static synchronized @Nullable PostgresConnectionDetails connectionDetailsOrNull() {
		if (connection == null && unreachableReason == null) {
			if (isServer()) {
				connectServer();
			}
			else {
				connection = startEmbedded();
			}
		}
		return connection;
	}

	private static boolean isServer() {
		return "server".equals(System.getProperty(SELECTOR, "embedded"));
	}

	private static String serverUrl() {
		String url = System.getenv("PETCLINIC_TEST_SERVER_URL");
		return (url != null && !url.isBlank()) ? url : DEFAULT_SERVER_URL;
	}

	private static void connectServer() {
		String url = serverUrl();
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA IF NOT EXISTS " + SERVER_SCHEMA);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> dropServerSchema(url)));
			String user = connection.getMetaData().getUserName();
			String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SERVER_SCHEMA;
			TestDatabase.connection = new PostgresConnectionDetails(schemaUrl, user, "");
		}
		catch (SQLException ex) {
			unreachableReason = "The PostgreSQL server at %s is not reachable (%s); set PETCLINIC_TEST_SERVER_URL to test on another"
				.formatted(url, ex.getMessage());
		}
	}

	private static void dropServerSchema(String url) {
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA IF EXISTS " + SERVER_SCHEMA + " CASCADE");
		}
		catch (SQLException ex) {
			// the JVM is exiting and the server is gone: there is nothing left to clean
		}
	}

	private static PostgresConnectionDetails startEmbedded() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// the JVM is exiting; the data directory is temporary
				}
			}));
			return new PostgresConnectionDetails(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the embedded PostgreSQL", ex);
		}
	}

}
