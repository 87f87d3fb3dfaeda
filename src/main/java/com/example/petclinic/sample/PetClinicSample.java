package com.example.petclinic.sample;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.example.petclinic.owner.OwnerRequest;
import com.example.petclinic.owner.OwnerResponse;
import com.example.petclinic.owner.OwnerService;
import com.example.petclinic.pet.NewPetRequest;
import com.example.petclinic.pet.PetService;
import com.example.petclinic.specialty.SpecialtyRequest;
import com.example.petclinic.specialty.SpecialtyService;
import com.example.petclinic.vet.VetRequest;
import com.example.petclinic.vet.VetService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The data of the AWS "Aurora DSQL with Prisma" sample, written through the service's own
 * use cases so that it obeys the same rules as any client's.
 */
@Component
public class PetClinicSample {

	private static final Logger logger = LoggerFactory.getLogger(PetClinicSample.class);

	private final OwnerService owners;

	private final PetService pets;

	private final SpecialtyService specialties;

	private final VetService vets;

	PetClinicSample(OwnerService owners, PetService pets, SpecialtyService specialties, VetService vets) {
		this.owners = owners;
		this.pets = pets;
		this.specialties = specialties;
		this.vets = vets;
	}

	/** The specialties the sample creates. */
	public static final List<String> SPECIALTIES = List.of("Exotic", "Dogs", "Cats");

	/**
	 * Inserts the sample's owners, pets, specialties and vets.
	 * @return the ids of what was inserted
	 */
	public SampleData insert() {
		OwnerResponse john = this.owners.create(UUID.randomUUID(), new OwnerRequest("John Doe", "New York", null));
		OwnerResponse mary = this.owners.create(UUID.randomUUID(),
				new OwnerRequest("Mary Major", "Anytown", "555-555-0123"));
		UUID pet1 = this.pets.add(UUID.randomUUID(), john.id(), new NewPetRequest("Pet1", LocalDate.of(2006, 10, 25)))
			.id();
		UUID pet2 = this.pets.add(UUID.randomUUID(), john.id(), new NewPetRequest("Pet2", LocalDate.of(2021, 7, 23)))
			.id();
		for (String specialty : SPECIALTIES) {
			this.specialties.create(new SpecialtyRequest(specialty));
		}
		UUID akua = this.vets.create(UUID.randomUUID(), new VetRequest("Akua Mansa", Set.of("Exotic"))).id();
		UUID carlos = this.vets.create(UUID.randomUUID(), new VetRequest("Carlos Salazar", Set.of("Cats", "Dogs")))
			.id();
		logger.info("Inserted the sample data: 2 owners, 2 pets, 3 specialties, 2 vets");
		return new SampleData(john.id(), mary.id(), pet1, pet2, akua, carlos);
	}

	/**
	 * The ids of the sample's rows, for checking them afterwards.
	 */
	public record SampleData(UUID john, UUID mary, UUID pet1, UUID pet2, UUID akua, UUID carlos) {

	}

}
