package com.example.petclinic.owner;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.example.petclinic.pet.PetResponse;
import org.jspecify.annotations.Nullable;

public record OwnerResponse(UUID id, String name, String city, @Nullable String telephone, List<OwnedPet> pets) {

	static OwnerResponse of(Owner owner, List<PetResponse> pets) {
		return new OwnerResponse(owner.getId(), owner.getName(), owner.getCity(), owner.getTelephone(),
				pets.stream().map(OwnedPet::of).toList());
	}

	/**
	 * A pet as listed with its owner.
	 */
	public record OwnedPet(UUID id, String name, LocalDate birthDate) {

		static OwnedPet of(PetResponse pet) {
			return new OwnedPet(pet.id(), pet.name(), pet.birthDate());
		}

	}

}
