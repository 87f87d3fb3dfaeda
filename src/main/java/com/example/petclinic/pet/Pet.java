package com.example.petclinic.pet;

import java.time.LocalDate;
import java.util.UUID;

import com.example.petclinic.persistence.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Formula;
import org.jspecify.annotations.Nullable;

/**
 * A pet. Its owner is a plain id: like the AWS sample, the schema has no foreign keys and
 * the service keeps the relation (see {@link PetService}).
 */
@Entity
@Table(name = "pet")
class Pet extends AssignedIdEntity<UUID> {

	// Chosen by the caller before the transaction (see AssignedIdEntity).
	@Id
	private UUID id;

	private String name;

	private LocalDate birthDate;

	private @Nullable UUID ownerId;

	/**
	 * What lists order and search pets by: the name ignoring case, the expression of the
	 * index {@code pet_upper_name_id_idx}. Read with the row, never written.
	 */
	@Formula("upper(name)")
	private @Nullable String nameKey;

	Pet(UUID id, String name, LocalDate birthDate, UUID ownerId) {
		this.id = id;
		this.name = name;
		this.birthDate = birthDate;
		this.ownerId = ownerId;
	}

	@SuppressWarnings("NullAway.Init")
	protected Pet() {
		// for JPA
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public LocalDate getBirthDate() {
		return this.birthDate;
	}

	/**
	 * The owner's id; {@code null} only for rows written by other clients of the shared
	 * schema.
	 */
	public @Nullable UUID getOwnerId() {
		return this.ownerId;
	}

	void update(String name, LocalDate birthDate, UUID ownerId) {
		this.name = name;
		this.birthDate = birthDate;
		this.ownerId = ownerId;
	}

}
