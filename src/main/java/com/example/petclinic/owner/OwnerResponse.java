package com.example.petclinic.owner;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

public record OwnerResponse(UUID id, String name, String city, @Nullable String telephone, List<OwnedPet> pets) {

	static OwnerResponse of(Owner owner) {
		return new OwnerResponse(owner.getId(), owner.getName(), owner.getCity(), owner.getTelephone(),
				owner.getPets().stream().map(OwnedPet::of).toList());
	}

	/**
	 * A pet as listed with its owner.
	 */
	public record OwnedPet(UUID id, String name, LocalDate birthDate) {

		static OwnedPet of(OwnersPet pet) {
			return new OwnedPet(pet.getId(), pet.getName(), pet.getBirthDate());
		}

	}

}
