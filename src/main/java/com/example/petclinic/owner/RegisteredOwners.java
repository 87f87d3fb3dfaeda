package com.example.petclinic.owner;

import java.util.UUID;

import com.example.petclinic.pet.PetOwners;

import org.springframework.stereotype.Component;

/**
 * Answers the pet module's questions about owners.
 */
@Component
class RegisteredOwners implements PetOwners {

	private final OwnerRepository owners;

	RegisteredOwners(OwnerRepository owners) {
		this.owners = owners;
	}

	@Override
	public boolean exists(UUID ownerId) {
		return this.owners.existsById(ownerId);
	}

	@Override
	public boolean lockIfExists(UUID ownerId) {
		return this.owners.touch(ownerId) == 1;
	}

}
