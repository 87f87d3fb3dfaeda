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
	 * Whether the owner exists, reading its row with {@code SELECT ... FOR UPDATE} so
	 * that a concurrent deletion of that owner and this transaction cannot both commit.
	 */
	boolean lockIfExists(UUID ownerId);

}
