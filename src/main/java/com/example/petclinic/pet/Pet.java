package com.example.petclinic.pet;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.hibernate.annotations.Formula;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Persistable;

/**
 * A pet. Its owner is a plain id: like the AWS sample, the schema has no foreign keys and
 * the service keeps the relation (see {@link PetService}).
 */
@Entity
@Table(name = "pet")
class Pet implements Persistable<UUID> {

	// Chosen by the caller before the transaction, so that a create repeated after an
	// unknown commit inserts the same row (see AfterUnknownCommit.REPEAT_CREATE).
	@Id
	private UUID id;

	// Spring Data cannot tell a new entity with an assigned id from an existing one;
	// without this it would read the row before every insert.
	@Transient
	private boolean isNew = true;

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

	@Override
	public boolean isNew() {
		return this.isNew;
	}

	@PostLoad
	@PostPersist
	void markPersisted() {
		this.isNew = false;
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
