package com.example.petclinic.specialty;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * A veterinary specialty, identified by its name as in the AWS sample.
 */
@Entity
@Table(name = "specialty")
class Specialty implements Persistable<String> {

	@Id
	private String name;

	// The id is assigned by the client, so Spring Data cannot tell a new specialty from
	// an existing one; without this it would read the row before every insert.
	@Transient
	private boolean isNew = true;

	Specialty(String name) {
		this.name = name;
	}

	@SuppressWarnings("NullAway.Init")
	protected Specialty() {
		// for JPA
	}

	@Override
	public String getId() {
		return this.name;
	}

	public String getName() {
		return this.name;
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

}
