package com.example.petclinic.database;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.TransactionTimedOutException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFaultsUnitTest {

	@ParameterizedTest(name = "SQLSTATE {0}")
	@ValueSource(strings = { "08001", "08003", "08006", "57P01", "57P02", "57P03", "53300", "53400" })
	void aBrokenOrRefusedConnectionIsAConnectionFaultWhereverItIsWrapped(String state) {
		SQLException driver = new SQLException("broken", state);
		assertThat(DatabaseFaults.isConnectionFault(new JpaSystemException(new RuntimeException(driver)))).isTrue();
		assertThat(DatabaseFaults.isTimeout(driver)).isFalse();
	}

	@ParameterizedTest(name = "SQLSTATE {0}")
	@ValueSource(strings = { "40001", "23505", "22021", "0A000", "54000", "42P01" })
	void whatTheDatabaseAnsweredIsNoFault(String state) {
		assertThat(DatabaseFaults.isFault(new SQLException("answered", state))).isFalse();
	}

	@Test
	void aSocketThatTimedOutOrNoPooledConnectionInTimeIsAConnectionFault() {
		assertThat(DatabaseFaults.isConnectionFault(
				new DataAccessResourceFailureException("x", new SocketTimeoutException("Read timed out"))))
			.isTrue();
		assertThat(DatabaseFaults.isConnectionFault(new SQLTransientConnectionException("not available"))).isTrue();
	}

	@Test
	void onlyAConnectionThatWasOpenAndBrokeEmptiesThePool() {
		assertThat(DatabaseFaults.isBrokenConnection(new SQLException("I/O error", "08006"))).isTrue();
		assertThat(DatabaseFaults.isBrokenConnection(new SQLException("terminating connection", "57P01"))).isTrue();
		assertThat(DatabaseFaults
			.isBrokenConnection(new SQLException("I/O error", "08006", new SocketTimeoutException("Read timed out"))))
			.isTrue();
		assertThat(DatabaseFaults.isBrokenConnection(new SQLTransientConnectionException("request timed out")))
			.isFalse();
		assertThat(DatabaseFaults.isBrokenConnection(new SQLException("too many connections", "53300"))).isFalse();
		assertThat(DatabaseFaults.isBrokenConnection(new SQLException("rate exceeded", "53400"))).isFalse();
		assertThat(DatabaseFaults.isBrokenConnection(new SQLException("duplicate key", "23505"))).isFalse();
	}

	@Test
	void aSocketTimeoutIsToldApartFromOtherConnectionFaults() {
		assertThat(DatabaseFaults.isSocketTimeout(new DataAccessResourceFailureException("wrapped",
				new SQLException("I/O error", "08006", new SocketTimeoutException("Read timed out")))))
			.isTrue();
		assertThat(DatabaseFaults.isSocketTimeout(new SQLException("I/O error", "08006"))).isFalse();
	}

	@Test
	void aCancelledStatementOrAnExpiredTransactionIsATimeout() {
		assertThat(DatabaseFaults.isTimeout(new SQLException("canceling statement", "57014"))).isTrue();
		assertThat(DatabaseFaults.isTimeout(new TransactionTimedOutException("deadline passed"))).isTrue();
		assertThat(DatabaseFaults
			.isTimeout(new JpaSystemException(new org.hibernate.TransactionException("Transaction timeout expired"))))
			.isTrue();
		assertThat(DatabaseFaults.isConnectionFault(new SQLException("canceling statement", "57014"))).isFalse();
	}

	@Test
	void aBatchReportsTheStatementsFaultAsItsNextException() {
		SQLException batch = new SQLException("Batch entry 0 was aborted", "08006");
		SQLException outer = new SQLException("batch failed");
		outer.setNextException(batch);
		assertThat(DatabaseFaults.isConnectionFault(outer)).isTrue();
	}

}
