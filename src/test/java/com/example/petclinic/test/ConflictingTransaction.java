package com.example.petclinic.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A transaction of another client, on a connection of its own, that writes a row and
 * keeps it until told to commit: what the service's transaction touching the same row
 * then does is what a real conflict looks like.
 */
public final class ConflictingTransaction implements AutoCloseable {

	private final Connection connection;

	private ConflictingTransaction(Connection connection) {
		this.connection = connection;
	}

	/**
	 * Runs {@code sql} in a new transaction left open.
	 */
	public static ConflictingTransaction begin(String sql, Object... parameters) throws SQLException {
		PostgresConnectionDetails database = TestDatabase.connectionDetails();
		Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
				database.password());
		connection.setAutoCommit(false);
		connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			statement.executeUpdate();
		}
		return new ConflictingTransaction(connection);
	}

	/**
	 * Waits until another session waits for a lock this transaction holds, so that the
	 * conflict is certain and not a matter of timing.
	 */
	public void awaitWaitingSession() throws SQLException, InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		try (PreparedStatement statement = this.connection
			.prepareStatement("select count(*) from pg_locks where not granted and pid <> pg_backend_pid()")) {
			while (System.nanoTime() < deadline) {
				try (ResultSet rows = statement.executeQuery()) {
					if (rows.next() && rows.getInt(1) > 0) {
						return;
					}
				}
				Thread.sleep(10);
			}
		}
		throw new IllegalStateException("No session waited for this transaction's locks within 10 s");
	}

	public void commit() throws SQLException {
		this.connection.commit();
	}

	@Override
	public void close() throws SQLException {
		this.connection.close();
	}

}
