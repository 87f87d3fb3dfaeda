/**
 * Pets: {@code /api/pets} and {@code /api/owners/{id}/pets}. What pets need to know of
 * owners is the {@link com.example.petclinic.pet.PetOwners} interface, which the owner
 * module implements.
 */
@NullMarked
package com.example.petclinic.pet;

import org.jspecify.annotations.NullMarked;
