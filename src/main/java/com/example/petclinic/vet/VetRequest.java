package com.example.petclinic.vet;

import java.util.Set;
import java.util.stream.Collectors;

import com.example.petclinic.validation.Name;
import com.example.petclinic.validation.Names;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/vets} and {@code PUT /api/vets/{id}}: the name, and the
 * names of existing specialties (absent means none), each in its one spelling (see
 * {@link Names}), so that {@code "Cats "} names the specialty {@code Cats}.
 */
public record VetRequest(@Name(max = 30) String name, Set<@Name(max = 80) String> specialties) {

	public VetRequest(String name, @Nullable Set<String> specialties) {
		this.name = Names.normalize(name);
		this.specialties = (specialties != null)
				? specialties.stream().map(Names::normalize).collect(Collectors.toUnmodifiableSet()) : Set.of();
	}

}
