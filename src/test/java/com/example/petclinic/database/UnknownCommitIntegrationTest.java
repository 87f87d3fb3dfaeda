package com.example.petclinic.database;

import java.util.UUID;

import com.example.petclinic.test.ClinicApi;
import com.example.petclinic.test.FaultInjectionTest;
import com.example.petclinic.test.ProxiedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import static com.example.petclinic.test.ProblemAssertions.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection breaks exactly at a write's {@code COMMIT}: before the database got it
 * (nothing is stored) or after (it is stored, but the service never hears). Either way
 * the service cannot know which, and what it tells the client must be true: a {@code 2xx}
 * means the change is stored exactly once.
 */
@FaultInjectionTest
class UnknownCommitIntegrationTest {

	@Autowired
	private ClinicApi api;

	@ParameterizedTest(name = "COMMIT lost {0} the database got it")
	@ValueSource(booleans = { false, true })
	void aCreateWhoseCommitWentUnacknowledgedIsStoredExactlyOnce(boolean afterTheDatabaseGotIt) {
		ProxiedDatabase.PRIMARY.resetAtNextCommit(afterTheDatabaseGotIt);

		UUID id = this.api.createOwner("Jane Roe", "Springfield");

		assertThat(ProxiedDatabase.PRIMARY.commitFaultPending()).isFalse();
		assertThat(ProxiedDatabase.direct()
			.sql("select count(*) from owner where name = 'Jane Roe'")
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(ProxiedDatabase.direct().sql("select id from owner").query(UUID.class).single()).isEqualTo(id);
	}

	@Test
	void aPetAddedWhoseCommitWentUnacknowledgedIsStoredExactlyOnce() {
		UUID owner = this.api.createOwner("Jane Roe", "Springfield");
		ProxiedDatabase.PRIMARY.resetAtNextCommit(true);

		UUID pet = this.api.addPet(owner, "Rex", "2020-01-01");

		assertThat(ProxiedDatabase.PRIMARY.commitFaultPending()).isFalse();
		assertThat(ProxiedDatabase.direct().sql("select id from pet").query(UUID.class).list()).containsExactly(pet);
	}

	@Test
	void aReplacementWhoseCommitWentUnacknowledgedIsAnsweredAsApplied() {
		UUID id = this.api.createOwner("Jane Roe", "Springfield");
		String etag = this.api.http()
			.get()
			.uri("/api/owners/" + id)
			.exchange()
			.returnResult(String.class)
			.getResponseHeaders()
			.getETag();
		ProxiedDatabase.PRIMARY.resetAtNextCommit(true);

		this.api.http()
			.put()
			.uri("/api/owners/" + id)
			.header(HttpHeaders.IF_MATCH, etag)
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name": "Jane Roe", "city": "Shelbyville"}""")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.city")
			.isEqualTo("Shelbyville");

		assertThat(ProxiedDatabase.PRIMARY.commitFaultPending()).isFalse();
		assertThat(ProxiedDatabase.direct().sql("select city from owner").query(String.class).single())
			.isEqualTo("Shelbyville");
	}

	@Test
	void aDeletionWhoseCommitWentUnacknowledgedIsAnsweredAsDone() {
		UUID id = this.api.createOwner("Jane Roe", "Springfield");
		ProxiedDatabase.PRIMARY.resetAtNextCommit(true);

		this.api.http().delete().uri("/api/owners/" + id).exchange().expectStatus().isNoContent();

		assertThat(ProxiedDatabase.PRIMARY.commitFaultPending()).isFalse();
		assertThat(ProxiedDatabase.direct().sql("select count(*) from owner").query(Integer.class).single()).isZero();
	}

	@ParameterizedTest(name = "COMMIT lost {0} the database got it")
	@ValueSource(booleans = { false, true })
	void aChangeThatCannotTellItsOwnRepetitionSaysItsOutcomeIsUnknown(boolean afterTheDatabaseGotIt) {
		ProxiedDatabase.PRIMARY.resetAtNextCommit(afterTheDatabaseGotIt);

		ResponseSpec response = this.api.http()
			.post()
			.uri("/api/specialties")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name": "Dentistry"}""")
			.exchange();

		expectProblem(response, HttpStatus.SERVICE_UNAVAILABLE).jsonPath("$.detail")
			.isEqualTo(CommitOutcomeUnknownException.DETAIL);
		response.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "2");
		assertThat(ProxiedDatabase.direct().sql("select count(*) from specialty").query(Integer.class).single())
			.isEqualTo(afterTheDatabaseGotIt ? 1 : 0);
	}

}
