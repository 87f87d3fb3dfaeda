package com.example.petclinic.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.example.petclinic.owner.OwnerResponse;
import com.example.petclinic.owner.OwnerService;
import com.example.petclinic.pet.PetResponse;
import com.example.petclinic.pet.PetService;
import com.example.petclinic.sample.PetClinicSample.SampleData;
import com.example.petclinic.vet.VetService;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The checks the AWS sample runs after inserting its data, read back through the
 * service's use cases.
 */
@Component
public class SampleChecks {

	private final OwnerService owners;

	private final PetService pets;

	private final VetService vets;

	SampleChecks(OwnerService owners, PetService pets, VetService vets) {
		this.owners = owners;
		this.pets = pets;
		this.vets = vets;
	}

	/**
	 * Runs every check, also after one has failed, so that the report is complete.
	 */
	public List<Check> verify(SampleData data) {
		List<Check> checks = new ArrayList<>();
		PetResponse pet1 = this.pets.get(data.pet1());
		UUID pet1OwnerId = pet1.ownerId();
		String pet1Owner = (pet1OwnerId != null) ? this.owners.get(pet1OwnerId).name() : "nobody";
		checks.add(Check.of("Pet1's owner is John Doe", "John Doe", pet1Owner));
		OwnerResponse john = this.owners.get(data.john());
		checks.add(Check.of("John Doe has 2 pets", 2, john.pets().size()));
		checks.add(Check.of("John Doe has no telephone", null, john.telephone()));
		checks.add(Check.of("Mary Major has 0 pets", 0, this.owners.get(data.mary()).pets().size()));
		checks.add(Check.of("Akua Mansa's specialties are [Exotic]", List.of("Exotic"),
				this.vets.get(data.akua()).specialties()));
		checks.add(Check.of("Carlos Salazar's specialties, sorted, are [Cats, Dogs]", List.of("Cats", "Dogs"),
				this.vets.get(data.carlos()).specialties().stream().sorted().toList()));
		return checks;
	}

	/**
	 * One check: what was expected and what was found.
	 */
	public record Check(String description, boolean passed, String expected, String actual) {

		static Check of(String description, @Nullable Object expected, @Nullable Object actual) {
			return new Check(description, Objects.equals(expected, actual), String.valueOf(expected),
					String.valueOf(actual));
		}

	}

}
