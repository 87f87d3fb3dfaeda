package com.example.petclinic.vet;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/vets} and {@code PUT /api/vets/{id}}: the name, and the
 * names of existing specialties (absent means none), at most {@value #MAX_SPECIALTIES}.
 */
public record VetRequest(@NotBlank @Size(max = 30) String name,
		@Size(max = MAX_SPECIALTIES) Set<@NotBlank @Size(max = 80) String> specialties) {

	/**
	 * Far more than a vet has, and far below the limits a request must stay under: every
	 * name is a bind parameter of one statement (pgJDBC sends at most 65,535), and every
	 * specialty is a row written in the request's one transaction (Aurora DSQL commits at
	 * most 3,000).
	 */
	public static final int MAX_SPECIALTIES = 100;

	public VetRequest(String name, @Nullable Set<String> specialties) {
		this.name = name;
		this.specialties = (specialties != null) ? Set.copyOf(specialties) : Set.of();
	}

}
