package com.example.petclinic.vet;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/vets} and {@code PUT /api/vets/{id}}: the name, and the
 * names of existing specialties (absent means none).
 */
public record VetRequest(@NotBlank @Size(max = 30) String name, Set<@NotBlank @Size(max = 80) String> specialties) {

	public VetRequest(String name, @Nullable Set<String> specialties) {
		this.name = name;
		this.specialties = (specialties != null) ? Set.copyOf(specialties) : Set.of();
	}

}
