package com.example.petclinic.pet;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /api/pets/{id}}: the whole pet, whose owner may change.
 */
public record PetRequest(@NotBlank @Size(max = 30) String name, @NotNull @PastOrPresent LocalDate birthDate,
		@NotNull UUID ownerId) {

}
