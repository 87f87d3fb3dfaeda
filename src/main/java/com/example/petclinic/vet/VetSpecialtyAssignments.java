package com.example.petclinic.vet;

import com.example.petclinic.specialty.SpecialtyAssignments;

import org.springframework.stereotype.Component;

/**
 * Answers the specialty module's question whether a vet still has a specialty.
 */
@Component
class VetSpecialtyAssignments implements SpecialtyAssignments {

	private final VetRepository vets;

	VetSpecialtyAssignments(VetRepository vets) {
		this.vets = vets;
	}

	@Override
	public boolean isAssigned(String specialty) {
		return this.vets.existsBySpecialty(specialty);
	}

}
