package com.example.petclinic.pet;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

public record PetResponse(UUID id, String name, LocalDate birthDate, @Nullable UUID ownerId) {

	static PetResponse of(Pet pet) {
		return new PetResponse(pet.getId(), pet.getName(), pet.getBirthDate(), pet.getOwnerId());
	}

}
