package com.example.petclinic.specialty;

import com.example.petclinic.persistence.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A veterinary specialty, identified by its name as in the AWS sample.
 */
@Entity
@Table(name = "specialty")
class Specialty extends AssignedIdEntity<String> {

	@Id
	private String name;

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

}
