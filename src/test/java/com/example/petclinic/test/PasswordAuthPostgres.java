package com.example.petclinic.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;

/**
 * An embedded PostgreSQL 17 of its own where every role but the superuser
 * {@code postgres} logs in with a password (SCRAM), as DSQL users log in with a token:
 * started once per test JVM. Its databases and roles belong to the tests that make them.
 */
public final class PasswordAuthPostgres {

	private static final String HBA = """
			local all all trust
			host all postgres 127.0.0.1/32 trust
			host all postgres ::1/128 trust
			host all all 127.0.0.1/32 scram-sha-256
			host all all ::1/128 scram-sha-256
			""";

	private static @Nullable EmbeddedPostgres postgres;

	private PasswordAuthPostgres() {
	}

	public static synchronized EmbeddedPostgres instance() {
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgres.builder()
					.setServerConfig("password_encryption", "scram-sha-256")
					.setDataDirectoryCustomizer((directory) -> {
						try {
							Files.writeString(directory.toPath().resolve("pg_hba.conf"), HBA);
						}
						catch (IOException ex) {
							throw new UncheckedIOException(ex);
						}
					})
					.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot start the embedded PostgreSQL with password logins", ex);
			}
		}
		return postgres;
	}

	/**
	 * The URL of {@code database}, for logins with a password.
	 */
	public static String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:%d/%s".formatted(instance().getPort(), database);
	}

	public static DataSource superuser() {
		return instance().getPostgresDatabase();
	}

	/**
	 * Runs each statement as the superuser, in its own transaction.
	 */
	public static void execute(String... statements) {
		try (Connection connection = superuser().getConnection(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A new, empty database that only its test uses.
	 */
	public static String createDatabase(String name) {
		execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", "CREATE DATABASE " + name);
		return name;
	}

}
