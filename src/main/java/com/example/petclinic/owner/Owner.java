package com.example.petclinic.owner;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.UuidGenerator;
import org.jspecify.annotations.Nullable;

/**
 * A pet owner. The pets are not mapped here: they live in their own module and are loaded
 * for a whole page of owners at once (see {@link OwnerService}).
 */
@Entity
@Table(name = "owner")
class Owner {

	@Id
	@GeneratedValue
	@UuidGenerator
	private @Nullable UUID id;

	private String name;

	private String city;

	private @Nullable String telephone;

	/**
	 * What lists order and search owners by: the name ignoring case, the expression of
	 * the index {@code owner_upper_name_id_idx}. Read with the row, never written.
	 */
	@Formula("upper(name)")
	private @Nullable String nameKey;

	Owner(String name, String city, @Nullable String telephone) {
		this.name = name;
		this.city = city;
		this.telephone = telephone;
	}

	@SuppressWarnings("NullAway.Init")
	protected Owner() {
		// for JPA
	}

	public UUID getId() {
		if (this.id == null) {
			throw new IllegalStateException("Owner is not persisted yet");
		}
		return this.id;
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
