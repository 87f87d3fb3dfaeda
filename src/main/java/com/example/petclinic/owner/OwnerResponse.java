package com.example.petclinic.owner;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.example.petclinic.pet.Pet;
import org.jspecify.annotations.Nullable;

public record OwnerResponse(UUID id, String name, String city, @Nullable String telephone, List<OwnedPet> pets) {

	static OwnerResponse of(Owner owner, List<Pet> pets) {
		return new OwnerResponse(owner.getId(), owner.getName(), owner.getCity(), owner.getTelephone(),
				pets.stream().map(OwnedPet::of).toList());
	}

	/**
	 * A pet as listed with its owner.
	 */
	public record OwnedPet(UUID id, String name, LocalDate birthDate) {

		static OwnedPet of(Pet pet) {
			return new OwnedPet(pet.getId(), pet.getName(), pet.getBirthDate());
		}

	}

}
