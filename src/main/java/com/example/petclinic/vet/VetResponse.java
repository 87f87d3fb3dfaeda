package com.example.petclinic.vet;

import java.util.List;
import java.util.UUID;

/**
 * A vet with the names of its specialties, sorted.
 */
public record VetResponse(UUID id, String name, List<String> specialties) {

	static VetResponse of(Vet vet) {
		return new VetResponse(vet.getId(), vet.getName(), vet.getSpecialties());
	}

}
