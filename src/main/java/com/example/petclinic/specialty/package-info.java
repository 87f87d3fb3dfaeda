/**
 * Specialties, identified by name: {@code /api/specialties}. Whether a vet has one is
 * asked through {@link com.example.petclinic.specialty.SpecialtyAssignments}, which the
 * vet module implements.
 */
@NullMarked
package com.example.petclinic.specialty;

import org.jspecify.annotations.NullMarked;
