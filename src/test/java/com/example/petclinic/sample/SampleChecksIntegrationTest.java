package com.example.petclinic.sample;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.example.petclinic.pet.NewPetRequest;
import com.example.petclinic.pet.PetService;
import com.example.petclinic.sample.PetClinicSample.SampleData;
import com.example.petclinic.sample.SampleChecks.Check;
import com.example.petclinic.test.PetClinicIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@PetClinicIntegrationTest
class SampleChecksIntegrationTest {

	@Autowired
	private PetClinicSample sample;

	@Autowired
	private SampleChecks checks;

	@Autowired
	private PetService pets;

	@Test
	void theSampleDataPassesEveryCheck() {
		List<Check> results = this.checks.verify(this.sample.insert());
		assertThat(results).hasSize(6).allMatch(Check::passed);
	}

	@Test
	void aCheckThatDoesNotHoldFailsAndTheOthersStillRun() {
		SampleData data = this.sample.insert();
		this.pets.add(UUID.randomUUID(), data.mary(), new NewPetRequest("Pet3", LocalDate.of(2020, 1, 1)));
		List<Check> results = this.checks.verify(data);
		assertThat(results).hasSize(6);
		assertThat(results).filteredOn((check) -> !check.passed())
			.containsExactly(new Check("Mary Major has 0 pets", false, "0", "1"));
	}

}
