package com.example.petclinic.pet;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/owners/{id}/pets}: the owner is the one in the path.
 */
public record NewPetRequest(@NotBlank @Size(max = 30) String name, @NotNull @PastOrPresent LocalDate birthDate) {

}
