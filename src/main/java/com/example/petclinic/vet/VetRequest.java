package com.example.petclinic.vet;

import java.util.Set;
import java.util.stream.Collectors;

import com.example.petclinic.validation.Name;
import com.example.petclinic.validation.Names;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/vets} and {@code PUT /api/vets/{id}}: the name, and the
 * names of existing specialties (absent means none), at most {@value #MAX_SPECIALTIES},
 * each in its one spelling (see {@link Names}), so that {@code "Cats "} names the
 * specialty {@code Cats}.
 */
public record VetRequest(@Name(max = 30) String name,
		@Size(max = MAX_SPECIALTIES) Set<@Name(max = 80) String> specialties) {

	/**
	 * Far more than a vet has, and far below the limits a request must stay under: every
	 * name is a bind parameter of one statement (pgJDBC sends at most 65,535), and every
	 * specialty is a row written in the request's one transaction (Aurora DSQL commits at
	 * most 3,000).
	 */
	public static final int MAX_SPECIALTIES = 100;

	// A body without specialties binds null: it means none.
	public VetRequest {
		name = Names.normalize(name);
		specialties = (specialties != null)
				? specialties.stream().map(Names::normalize).collect(Collectors.toUnmodifiableSet()) : Set.of();
	}

}
