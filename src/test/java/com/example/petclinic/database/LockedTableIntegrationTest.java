package com.example.petclinic.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import com.example.petclinic.test.ClinicApi;
import com.example.petclinic.test.FaultInjectionTest;
import com.example.petclinic.test.PostgresConnectionDetails;
import com.example.petclinic.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import static com.example.petclinic.test.ProblemAssertions.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read that waits on a table someone else holds locked is answered within the service's
 * bounds, although reads run in no transaction: with a {@code 503} that says the database
 * did not answer in time. A query gets {@code jakarta.persistence.query.timeout} (10 s);
 * a statement it does not reach (the lazy load of a page's pets) the socket timeout (15
 * s), after which the read is not run again, since the database answers its probes. (On
 * PostgreSQL a read waits only for an {@code ACCESS EXCLUSIVE} lock, a migration's or an
 * operator's; Aurora DSQL has no such lock, but its reads are bounded all the same.)
 * Without the bounds, the read would wait for the socket timeout and then be run again,
 * up to {@code fault-attempts} times: a minute.
 */
@FaultInjectionTest
class LockedTableIntegrationTest {

	/**
	 * The 10 s of the statement timeout and the cancel, with room for a busy machine; far
	 * from the minute that four socket timeouts take.
	 */
	private static final Duration BOUND = Duration.ofSeconds(30);

	@Autowired
	private ClinicApi api;

	@Test
	@Timeout(90)
	void aPageWhosePetsAreLockedIsAnsweredWithinTheSocketTimeout() throws SQLException {
		UUID owner = this.api.createOwner("Jane Roe", "Springfield");
		this.api.addPet(owner, "Rex", "2020-01-01");
		whileLocked("pet", () -> expectTooSlow(timed(() -> this.api.http().get().uri("/api/owners").exchange())));
		this.api.http().get().uri("/api/owners").exchange().expectStatus().isOk();
	}

	@Test
	@Timeout(90)
	void aReadOfALockedTableIsAnsweredWithinTheQueryTimeout() throws SQLException {
		UUID owner = this.api.createOwner("Jane Roe", "Springfield");
		UUID pet = this.api.addPet(owner, "Rex", "2020-01-01");
		whileLocked("owner, pet", () -> {
			expectTooSlow(timed(() -> this.api.http().get().uri("/api/owners/" + owner).exchange()));
			expectTooSlow(timed(() -> this.api.http().get().uri("/api/pets/" + pet).exchange()));
		});
		this.api.http().get().uri("/api/pets/" + pet).exchange().expectStatus().isOk();
	}

	/** Runs {@code reads} while another session holds {@code tables} locked. */
	private static void whileLocked(String tables, Runnable reads) throws SQLException {
		PostgresConnectionDetails database = TestDatabase.connectionDetails();
		try (Connection locker = DriverManager.getConnection(database.jdbcUrl(), database.username(),
				database.password()); Statement statement = locker.createStatement()) {
			locker.setAutoCommit(false);
			statement.execute("lock table " + tables + " in access exclusive mode");
			reads.run();
			locker.rollback();
		}
	}

	private static void expectTooSlow(ResponseSpec response) {
		expectProblem(response, HttpStatus.SERVICE_UNAVAILABLE).jsonPath("$.detail")
			.isEqualTo(DatabaseUnavailableException.TOO_SLOW);
		response.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "2");
	}

	private static ResponseSpec timed(java.util.function.Supplier<ResponseSpec> request) {
		long start = System.nanoTime();
		ResponseSpec response = request.get();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
		return response;
	}

}
