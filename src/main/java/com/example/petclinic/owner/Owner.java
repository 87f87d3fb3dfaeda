package com.example.petclinic.owner;

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
 * A pet owner. The pets are not mapped here: they live in their own module and are loaded
 * for a whole page of owners at once (see {@link OwnerService}).
 */
@Entity
@Table(name = "owner")
class Owner implements Persistable<UUID> {

	// Chosen by the caller before the transaction, so that a create repeated after an
	// unknown commit inserts the same row (see AfterUnknownCommit.REPEAT_CREATE).
	@Id
	private UUID id;

	// Spring Data cannot tell a new entity with an assigned id from an existing one;
	// without this it would read the row before every insert.
	@Transient
	private boolean isNew = true;

	private String name;

	private String city;

	private @Nullable String telephone;

	/**
	 * What lists order and search owners by: the name ignoring case, the expression of
	 * the index {@code owner_upper_name_id_idx}. Read with the row, never written.
	 */
	@Formula("upper(name)")
	private @Nullable String nameKey;

	Owner(UUID id, String name, String city, @Nullable String telephone) {
		this.id = id;
		this.name = name;
		this.city = city;
		this.telephone = telephone;
	}

	@SuppressWarnings("NullAway.Init")
	protected Owner() {
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

	public String getCity() {
		return this.city;
	}

	public @Nullable String getTelephone() {
		return this.telephone;
	}

	void update(String name, String city, @Nullable String telephone) {
		this.name = name;
		this.city = city;
		this.telephone = telephone;
	}

}
