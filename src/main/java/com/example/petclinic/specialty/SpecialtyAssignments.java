package com.example.petclinic.specialty;

/**
 * Whether any vet has a specialty, implemented by the vet module so that the dependency
 * runs one way only (vets name specialties; specialties do not know vets).
 */
public interface SpecialtyAssignments {

	boolean isAssigned(String specialty);

}
