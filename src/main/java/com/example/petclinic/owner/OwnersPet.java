package com.example.petclinic.owner;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A pet as its owner's record lists it: a read-only view of the pet module's table, so
 * that an owner and its pets are read in one statement (see {@link Owner#getPets()}).
 * Pets are written by the pet module only.
 */
@Entity(name = "OwnersPet")
@Table(name = "pet")
@Immutable
class OwnersPet {

	@Id
	private UUID id;

	private String name;

	private LocalDate birthDate;

	@SuppressWarnings("NullAway.Init")
	protected OwnersPet() {
		// for JPA
	}

	UUID getId() {
		return this.id;
	}

	String getName() {
		return this.name;
	}

	LocalDate getBirthDate() {
		return this.birthDate;
	}

}
