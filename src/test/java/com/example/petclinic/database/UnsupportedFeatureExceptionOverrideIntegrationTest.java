package com.example.petclinic.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import com.example.petclinic.test.OnTestDatabase;
import com.example.petclinic.test.PostgresConnectionDetails;
import com.example.petclinic.test.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A statement the database does not support (SQLSTATE {@code 0A000}, which Aurora DSQL
 * raises for everything outside its SQL surface) leaves its pooled connection in the
 * pool: the next borrower gets the same session.
 */
@OnTestDatabase
class UnsupportedFeatureExceptionOverrideIntegrationTest {

	@Test
	void aStatementTheDatabaseDoesNotSupportKeepsItsConnection() throws SQLException {
		try (HikariDataSource pool = pool()) {
			int session = backendPid(pool);
			try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
				assertThatExceptionOfType(SQLException.class)
					.isThrownBy(() -> statement.execute("SELECT generate_series(1, 2) FOR UPDATE"))
					.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("0A000"));
			}
			assertThat(backendPid(pool)).isEqualTo(session);
			assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isOne();
		}
	}

	private static HikariDataSource pool() {
		PostgresConnectionDetails database = TestDatabase.connectionDetails();
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(database.jdbcUrl());
		pool.setUsername(database.username());
		pool.setPassword(database.password());
		pool.setMaximumPoolSize(1);
		pool.setExceptionOverrideClassName(UnsupportedFeatureExceptionOverride.class.getName());
		return pool;
	}

	private static int backendPid(HikariDataSource pool) throws SQLException {
		try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
			ResultSet result = statement.executeQuery("SELECT pg_backend_pid()");
			result.next();
			return result.getInt(1);
		}
	}

}
