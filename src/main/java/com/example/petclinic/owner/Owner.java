package com.example.petclinic.owner;

import java.util.UUID;

import com.example.petclinic.persistence.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Formula;
import org.jspecify.annotations.Nullable;

/**
 * A pet owner. The pets are not mapped here: they live in their own module and are loaded
 * for a whole page of owners at once (see {@link OwnerService}).
 */
@Entity
@Table(name = "owner")
class Owner extends AssignedIdEntity<UUID> {

	// Chosen by the caller before the transaction (see AssignedIdEntity).
	@Id
	private UUID id;

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
