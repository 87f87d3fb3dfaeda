package com.example.petclinic.test;

import com.example.petclinic.test.DsqlStatementGuard.DsqlIncompatibleStatementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class DsqlStatementGuardUnitTest {

	private static final String CONNECTION = "1";

	private final DsqlStatementGuard postgres = new DsqlStatementGuard(false);

	private final DsqlStatementGuard dsql = new DsqlStatementGuard(true);

	@ParameterizedTest
	@ValueSource(strings = { "TRUNCATE owner", "truncate table pet, owner", "SAVEPOINT before_pets",
			"RELEASE SAVEPOINT before_pets", "ROLLBACK TO SAVEPOINT before_pets", "select pg_advisory_lock(42)",
			"SELECT pg_try_advisory_xact_lock(1)", "CREATE TEMP TABLE pets_to_move (id uuid)",
			"create temporary table t (id uuid)", "CREATE GLOBAL TEMPORARY TABLE t (id uuid)",
			"select * into temp t from pet", "CREATE TABLE visit (id SERIAL PRIMARY KEY)",
			"create table visit (id bigserial primary key)", "ALTER TABLE pet ADD COLUMN number serial4",
			"LOCK TABLE owner IN EXCLUSIVE MODE", "CREATE INDEX CONCURRENTLY pet_name_idx ON pet (name)",
			"select id from owner where id = ? for share", "SELECT id FROM owner WHERE id = $1 FOR NO KEY UPDATE",
			"select id from owner for\n  no key update of owner" })
	void refusesWhatAuroraDsqlRejects(String sql) {
		assertThatExceptionOfType(DsqlIncompatibleStatementException.class)
			.isThrownBy(() -> this.postgres.statement(CONNECTION, sql, false))
			.withMessageStartingWith("Aurora DSQL would reject this: ");
		assertThat(this.postgres.takeViolations()).singleElement().asString().contains(sql.strip());
	}

	@ParameterizedTest
	@ValueSource(strings = { "select id from owner where id = ? for update",
			"select id from owner where id = ? for key share", "DELETE FROM owner",
			"create table visit (id uuid primary key default gen_random_uuid())", "-- SERIAL in a comment\nselect 1",
			"CREATE INDEX ASYNC pet_name_idx ON pet (name)", "select name from pet where name = 'truncate'" })
	void letsThroughWhatAuroraDsqlAccepts(String sql) {
		assertThatNoException().isThrownBy(() -> this.dsql.statement(CONNECTION, sql, false));
		assertThat(this.dsql.takeViolations()).isEmpty();
	}

	@Test
	void refusesASynchronousCreateIndexOnlyWhenIndexesMustBeBuiltAsynchronously() {
		String sql = "CREATE INDEX \"pet_ownerId_idx\" ON \"pet\" (\"ownerId\")";

		assertThatNoException().isThrownBy(() -> this.postgres.statement(CONNECTION, sql, false));
		assertThatExceptionOfType(DsqlIncompatibleStatementException.class)
			.isThrownBy(() -> this.dsql.statement(CONNECTION, "create unique index i on t (c)", false))
			.withMessageContaining("CREATE INDEX ASYNC");
		assertThatExceptionOfType(DsqlIncompatibleStatementException.class)
			.isThrownBy(() -> this.dsql.statement(CONNECTION, sql, false));
	}

	@Test
	void refusesTwoDdlStatementsInOneTransaction() {
		this.postgres.statement(CONNECTION, "CREATE TABLE visit (id uuid)", true);

		assertThatExceptionOfType(DsqlIncompatibleStatementException.class)
			.isThrownBy(() -> this.postgres.statement(CONNECTION, "ALTER TABLE visit ADD COLUMN note text", true))
			.withMessageContaining("only one DDL statement");
	}

	@Test
	void refusesDdlAfterDmlInOneTransaction() {
		this.postgres.statement(CONNECTION, "insert into owner (id, name, city) values (?, ?, ?)", true);

		assertThatExceptionOfType(DsqlIncompatibleStatementException.class)
			.isThrownBy(() -> this.postgres.statement(CONNECTION, "CREATE TABLE visit (id uuid)", true))
			.withMessageContaining("may not mix DDL and DML");
	}

	@Test
	void refusesDmlAfterDdlInOneTransaction() {
		this.postgres.statement(CONNECTION, "CREATE TABLE visit (id uuid)", true);

		assertThatExceptionOfType(DsqlIncompatibleStatementException.class)
			.isThrownBy(() -> this.postgres.statement(CONNECTION, "INSERT INTO visit (id) VALUES (?)", true))
			.withMessageContaining("may not mix DDL and DML");
	}

	@Test
	void letsDdlAndDmlRunInTransactionsOfTheirOwn() {
		this.postgres.statement(CONNECTION, "CREATE TABLE visit (id uuid)", true);
		this.postgres.transactionEnded(CONNECTION);
		this.postgres.statement(CONNECTION, "CREATE INDEX visit_idx ON visit (id)", true);
		this.postgres.statement(CONNECTION, "COMMIT", true);
		this.postgres.statement(CONNECTION, "INSERT INTO visit (id) VALUES (?)", true);
		this.postgres.statement("2", "CREATE TABLE other (id uuid)", true);
		this.postgres.statement(CONNECTION, "CREATE TABLE auto_one (id uuid)", false);
		this.postgres.statement(CONNECTION, "CREATE TABLE auto_two (id uuid)", false);

		assertThat(this.postgres.takeViolations()).isEmpty();
	}

	@Test
	void refusesAWriteTransactionOfMoreThan3000Rows() {
		this.postgres.rowsWritten(CONNECTION, "insert into pet (id, name) values (?, ?)", 2_000, true);
		this.postgres.rowsWritten(CONNECTION, "select id from pet", 5_000, true);
		this.postgres.rowsWritten(CONNECTION, "update pet set name = ?", 1_000, true);

		assertThatExceptionOfType(DsqlIncompatibleStatementException.class)
			.isThrownBy(() -> this.postgres.rowsWritten(CONNECTION, "delete from pet where name = ?", 1, true))
			.withMessageContaining("at most 3,000 rows; this one has written 3,001");
	}

	@Test
	void countsRowsPerTransaction() {
		this.postgres.rowsWritten(CONNECTION, "insert into pet (id, name) values (?, ?)", 3_000, true);
		this.postgres.transactionEnded(CONNECTION);
		this.postgres.rowsWritten(CONNECTION, "insert into pet (id, name) values (?, ?)", 3_000, true);
		this.postgres.rowsWritten("2", "delete from pet", 3_000, false);

		assertThat(this.postgres.takeViolations()).isEmpty();
		assertThatExceptionOfType(DsqlIncompatibleStatementException.class)
			.isThrownBy(() -> this.postgres.rowsWritten("3", "delete from pet", 3_001, false));
	}

}
