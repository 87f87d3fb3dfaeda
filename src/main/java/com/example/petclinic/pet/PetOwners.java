package com.example.petclinic.pet;

import java.util.UUID;

/**
 * What the pet module needs to know about owners, implemented by the owner module so that
 * the dependency runs one way only (owners show their pets; pets only ask whether an
 * owner exists).
 */
public interface PetOwners {

	boolean exists(UUID ownerId);

	/**
	 * Whether the owner exists, writing its row (an update that changes nothing) so that
	 * a concurrent deletion of that owner and this transaction cannot both commit. A
	 * {@code SELECT ... FOR UPDATE} is not enough on PostgreSQL: a row that was only
	 * locked raises no serialization failure for the deleter, whose older snapshot then
	 * misses the new pet.
	 */
	boolean lockIfExists(UUID ownerId);

}
