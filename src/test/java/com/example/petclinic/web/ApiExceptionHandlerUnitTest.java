package com.example.petclinic.web;

import java.sql.SQLException;
import java.time.Duration;

import com.example.petclinic.database.DatabaseProperties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database's messages quote the request's values; logged, they must not let a client
 * write a line of its own into the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiExceptionHandlerUnitTest {

	private static final DatabaseProperties DATABASE = new DatabaseProperties(Duration.ofSeconds(1),
			Duration.ofSeconds(2), 2, Duration.ofSeconds(30), 4, Duration.ofSeconds(2), false);

	private static final String FORGED = "2026-12-01T00:00:00.000Z ERROR 1 --- [dsql-petclinic] forged";

	@Test
	void constraintViolationQuotingARequestValueIsLoggedOnOneLine(CapturedOutput output) {
		SQLException duplicate = new SQLException("""
				ERROR: duplicate key value violates unique constraint "specialty_pkey"
				  Detail: Key (name)=(Cats
				%s) already exists.""".formatted(FORGED), "23505");

		new ApiExceptionHandler(DATABASE)
			.handleDataIntegrityViolation(new DataIntegrityViolationException("could not execute", duplicate));

		assertThat(output.getOut().lines().filter((line) -> line.contains("database constraint"))).singleElement()
			.satisfies((line) -> assertThat(line).contains("Cats\\n" + FORGED));
		assertThat(output.getOut().lines()).noneMatch((line) -> line.startsWith(FORGED));
	}

	@Test
	void valueTheDatabaseCannotStoreIsLoggedOnOneLine(CapturedOutput output) {
		SQLException invalid = new SQLException("ERROR: invalid byte sequence\n" + FORGED, "22021");

		new ApiExceptionHandler(DATABASE)
			.handleDataIntegrityViolation(new DataIntegrityViolationException("could not execute", invalid));

		assertThat(output.getOut().lines()).noneMatch((line) -> line.startsWith(FORGED));
	}

	@Test
	void aValueTheDatabaseCannotStoreIsNamedByItsKind() {
		assertThat(ApiExceptionHandler.unstorableValue(new SQLException("date/time field value out of range", "22008")))
			.isEqualTo("The request holds a date the database cannot store");
		assertThat(ApiExceptionHandler
			.unstorableValue(new SQLException("Zero bytes may not occur in string parameters.", "22021")))
			.isEqualTo("The request holds a value the database cannot store, such as the character U+0000");
		assertThat(ApiExceptionHandler.unstorableValue(new SQLException(
				"PreparedStatement can have at most 65,535 parameters. Please consider using arrays", "22023")))
			.isEqualTo("The request holds more values than the database takes in one statement");
		assertThat(ApiExceptionHandler.unstorableValue(new SQLException("numeric field overflow", "22003")))
			.isEqualTo("The request holds a value the database cannot store");
	}

}
