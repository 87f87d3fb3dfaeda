package com.example.petclinic.database;

import java.time.Duration;
import java.util.UUID;

import com.example.petclinic.test.ClinicApi;
import com.example.petclinic.test.FaultInjectionTest;
import com.example.petclinic.test.ProxiedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import static com.example.petclinic.test.ProblemAssertions.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database goes away, by refusing connections or by going silent: requests are
 * answered within seconds, with a {@code 503} that tells the client to come back,
 * readiness says the service cannot serve, and once the database is back the service
 * serves again by itself.
 */
@FaultInjectionTest
class DatabaseOutageIntegrationTest {

	/**
	 * A pooled connection is waited for 3 s, HikariCP's default is 30 s.
	 */
	private static final Duration REFUSED_BOUND = Duration.ofSeconds(8);

	/**
	 * A socket read is waited for 15 s, pgJDBC's default is forever.
	 */
	private static final Duration SILENT_BOUND = Duration.ofSeconds(20);

	@Autowired
	private ClinicApi api;

	@Test
	void aDatabaseThatRefusesConnectionsIsAnsweredWithA503WithinSecondsAndServesAgainOnceItIsBack() {
		UUID id = this.api.createOwner("Jane Roe", "Springfield");
		ProxiedDatabase.PRIMARY.refuse();

		expectUnavailable(timed(REFUSED_BOUND, () -> this.api.http().get().uri("/api/owners/" + id).exchange()));
		expectUnavailable(timed(REFUSED_BOUND,
				() -> this.api.http().post().uri("/api/owners").contentType(MediaType.APPLICATION_JSON).body("""
						{"name": "John Doe", "city": "Boston"}""").exchange()));
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> readiness(HttpStatus.SERVICE_UNAVAILABLE, "DOWN"));

		ProxiedDatabase.PRIMARY.pass();

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> readiness(HttpStatus.OK, "UP"));
		this.api.http().get().uri("/api/owners/" + id).exchange().expectStatus().isOk();
		assertThat(ProxiedDatabase.direct().sql("select name from owner").query(String.class).list())
			.containsExactly("Jane Roe");
	}

	/**
	 * Without the bounds the request would wait forever; the timeout makes that a
	 * failure.
	 */
	@Test
	@Timeout(60)
	void aDatabaseThatAcceptsConnectionsAndNeverAnswersIsAnsweredWithinTheBound() {
		UUID id = this.api.createOwner("Jane Roe", "Springfield");
		ProxiedDatabase.PRIMARY.silence();

		expectUnavailable(timed(SILENT_BOUND, () -> this.api.http().get().uri("/api/owners/" + id).exchange()));
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> readiness(HttpStatus.SERVICE_UNAVAILABLE, "DOWN"));

		ProxiedDatabase.PRIMARY.pass();

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> this.api.http().get().uri("/api/owners/" + id).exchange().expectStatus().isOk());
	}

	private void readiness(HttpStatus status, String state) {
		this.api.http()
			.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(state)
			.jsonPath("$.components.database.status")
			.isEqualTo(state);
	}

	private static void expectUnavailable(ResponseSpec response) {
		expectProblem(response, HttpStatus.SERVICE_UNAVAILABLE).jsonPath("$.detail")
			.isEqualTo(DatabaseUnavailableException.UNREACHABLE);
		response.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "2");
	}

	private static ResponseSpec timed(Duration bound, java.util.function.Supplier<ResponseSpec> request) {
		long start = System.nanoTime();
		ResponseSpec response = request.get();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(bound);
		return response;
	}

}
