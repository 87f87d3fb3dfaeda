package com.example.petclinic.database;

import java.time.Duration;
import java.util.UUID;

import com.example.petclinic.test.ClinicApi;
import com.example.petclinic.test.FaultInjectionTest;
import com.example.petclinic.test.ProxiedDatabase;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a request costs where every round trip to the database crosses a network, as on
 * Aurora DSQL: counted at the wire, by the proxy between the service and the database (a
 * {@code Sync} or a simple {@code Query} is one wait for the database). Reading one
 * resource is one round trip (no transaction: one statement reads a consistent snapshot
 * of its own), a page is two whatever its size, and a write is its statements plus the
 * {@code COMMIT}, the statements of a batch sent at once. A connection that sat idle is
 * used as it is, without a validation query first.
 */
@FaultInjectionTest
// The pool's background checks of idle connections are not a request's round trips; one
// connection, so that every request meets the same one.
@TestPropertySource(
		properties = { "spring.datasource.hikari.keepalive-time=0", "spring.datasource.hikari.maximum-pool-size=1" })
class RoundTripsPerRequestIntegrationTest {

	@Autowired
	private ClinicApi api;

	@Autowired
	private DatabaseEndpoints endpoints;

	private UUID owner;

	@BeforeEach
	void someOwnersWithPetsAndVetsWithSpecialties() {
		// One connection, fresh (an earlier test's faults may have left some marked for
		// eviction, each replaced when next borrowed: not a request's round trips), and
		// used by the fixtures below for every statement the tests send: pgJDBC spends
		// a round trip on a connection's first batch of a statement, to describe it, and
		// that is paid once per connection, not per request.
		HikariPoolMXBean pool = this.endpoints.active().pool().getHikariPoolMXBean();
		pool.softEvictConnections();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> pool.getTotalConnections() == 1 && pool.getIdleConnections() == 1);
		this.owner = this.api.createOwner("Ann Lee", "Madison");
		this.api.addPet(this.owner, "Rex", "2020-01-01");
		this.api.addPet(this.owner, "Ace", "2021-01-01");
		for (int number = 0; number < 12; number++) {
			UUID other = this.api.createOwner("Owner " + number, "Salem");
			this.api.addPet(other, "Pet " + number, "2022-02-02");
		}
		this.api.createSpecialty("dentistry");
		this.api.createSpecialty("radiology");
		this.api.createSpecialty("surgery");
		for (int number = 0; number < 7; number++) {
			this.api.createVet("Vet " + number, "dentistry", "surgery");
		}
	}

	@Test
	void oneOwnerWithItsPetsIsOneRoundTrip() {
		assertThat(
				roundTripsOf(() -> assertThat(this.api.getJson("/api/owners/" + this.owner).path("pets")).hasSize(2)))
			.isOne();
	}

	@Test
	void onePetOneVetAndOneSpecialtyAreOneRoundTripEach() {
		UUID pet = UUID
			.fromString(this.api.getJson("/api/owners/" + this.owner).path("pets").get(0).path("id").asString());
		UUID vet = this.api.createVet("Vera Vet", "radiology", "surgery");
		assertThat(roundTripsOf(() -> this.api.getJson("/api/pets/" + pet))).isOne();
		assertThat(roundTripsOf(() -> assertThat(this.api.getJson("/api/vets/" + vet).path("specialties")).hasSize(2)))
			.isOne();
		assertThat(roundTripsOf(() -> this.api.getJson("/api/specialties/dentistry"))).isOne();
	}

	@Test
	void aPageWithWhatItsItemsHoldIsTwoRoundTripsWhateverItsSize() {
		for (int size : new int[] { 1, 5, 20 }) {
			assertThat(roundTripsOf(() -> this.api.getJson("/api/owners?size=" + size))).as("owners, size %d", size)
				.isEqualTo(2);
			assertThat(roundTripsOf(() -> this.api.getJson("/api/vets?size=" + size))).as("vets, size %d", size)
				.isEqualTo(2);
		}
		assertThat(roundTripsOf(() -> this.api.getJson("/api/pets?size=5"))).isOne();
		assertThat(roundTripsOf(() -> this.api.getJson("/api/specialties"))).isOne();
	}

	@Test
	void addingAPetIsThreeRoundTripsWithTheCommit() {
		// Writing the owner's row (so that a concurrent delete of the owner conflicts),
		// inserting the pet, COMMIT.
		assertThat(roundTripsOf(() -> this.api.addPet(this.owner, "Max", "2023-03-03"))).isEqualTo(3);
	}

	@Test
	void aVetWithAnyNumberOfSpecialtiesIsFourRoundTripsWithTheCommit() {
		// Writing the specialties' rows, inserting the vet, inserting its specialties as
		// one batch, COMMIT.
		assertThat(roundTripsOf(() -> this.api.createVet("Una Vet", "radiology"))).isEqualTo(4);
		assertThat(roundTripsOf(() -> this.api.createVet("Tre Vet", "dentistry", "radiology", "surgery"))).isEqualTo(4);
	}

	@Test
	void aConnectionThatSatIdleIsNotValidatedFirst() throws InterruptedException {
		this.api.getJson("/api/owners/" + this.owner);
		// Longer than HikariCP's 500 ms, after which it would validate a connection
		// before handing it out.
		Thread.sleep(Duration.ofMillis(1500));
		assertThat(roundTripsOf(() -> this.api.getJson("/api/owners/" + this.owner))).isOne();
	}

	@Test
	void aRequestTheServiceRefusesBeforeReadingCostsNoRoundTrip() {
		assertThat(roundTripsOf(() -> this.api.http()
			.post()
			.uri("/api/owners")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\": \"\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.BAD_REQUEST))).isZero();
	}

	private static long roundTripsOf(Runnable request) {
		long before = ProxiedDatabase.PRIMARY.roundTrips();
		request.run();
		return ProxiedDatabase.PRIMARY.roundTrips() - before;
	}

}
