package com.example.petclinic.pet;

import java.time.LocalDate;
import java.util.UUID;

import com.example.petclinic.validation.Name;
import com.example.petclinic.validation.Names;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

/**
 * The body of {@code PUT /api/pets/{id}}: the whole pet, whose owner may change.
 */
public record PetRequest(@Name(max = 30) String name, @NotNull @PastOrPresent @BirthDate LocalDate birthDate,
		@NotNull UUID ownerId) {

	public PetRequest {
		name = Names.normalize(name);
	}

}
