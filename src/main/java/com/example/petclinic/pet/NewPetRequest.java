package com.example.petclinic.pet;

import java.time.LocalDate;

import com.example.petclinic.validation.Name;
import com.example.petclinic.validation.Names;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

/**
 * The body of {@code POST /api/owners/{id}/pets}: the owner is the one in the path.
 */
public record NewPetRequest(@Name(max = 30) String name, @NotNull @PastOrPresent @BirthDate LocalDate birthDate) {

	public NewPetRequest {
		name = Names.normalize(name);
	}

}
