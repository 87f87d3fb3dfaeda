package com.example.petclinic.retry;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.example.petclinic.test.ClinicApi;
import com.example.petclinic.test.ConflictingTransaction;
import com.example.petclinic.test.PetClinicIntegrationTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a single attempt, the first serialization failure is the last.
 */
@PetClinicIntegrationTest
@TestPropertySource(properties = { "petclinic.occ.retry.max-attempts=1", "petclinic.occ.retry.retry-after=2s" })
class OccRetryExhaustedIntegrationTest {

	@Autowired
	private ClinicApi api;

	@Autowired
	private MeterRegistry meters;

	@Test
	void aConflictLostOnEveryAttemptIsA409ThatSaysTheRequestMayBeRetried() throws Exception {
		UUID ownerId = this.api.createOwner("John Doe", "New York");
		CompletableFuture<EntityExchangeResult<String>> update;
		try (ConflictingTransaction other = ConflictingTransaction
			.begin("update owner set city = 'Anytown' where id = ?", ownerId)) {
			update = CompletableFuture.supplyAsync(() -> this.api.http()
				.put()
				.uri("/api/owners/" + ownerId)
				.contentType(MediaType.APPLICATION_JSON)
				.body("""
						{"name": "John Smith", "city": "Boston"}""")
				.exchange()
				.returnResult(String.class));
			other.awaitWaitingSession();
			other.commit();
		}

		EntityExchangeResult<String> response = update.get(10, TimeUnit.SECONDS);
		assertThat(response.getStatus()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(response.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
		assertThat(response.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getResponseBody()).contains(
				"\"detail\":\"The request conflicted with concurrent changes to the same data and was not applied; it may be sent again\"");
		assertThat(this.api.jdbc()
			.sql("select name || '|' || city from owner where id = ?")
			.param(ownerId)
			.query(String.class)
			.single()).isEqualTo("John Doe|Anytown");
		Counter failures = this.meters.find(OccRetry.FAILURES).tag(OccRetry.USE_CASE, "OwnerService.update").counter();
		assertThat(failures).isNotNull();
		assertThat(failures.count()).isEqualTo(1);
	}

}
