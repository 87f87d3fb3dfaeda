package com.example.petclinic.owner;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.example.petclinic.persistence.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.SQLOrder;
import org.jspecify.annotations.Nullable;

/**
 * A pet owner, and its pets as it lists them ({@link OwnersPet}, read only: the pet
 * module writes pets, and a pet names its owner by a plain id, without a foreign key).
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

	/**
	 * Read with the owner in one statement where a use case asks for it (see
	 * {@link OwnerRepository#findWithPetsById}), and for a page of owners in one
	 * statement for all of them ({@code hibernate.default_batch_fetch_size}). Never
	 * written: the pet module owns the column.
	 */
	@OneToMany
	@JoinColumn(name = "ownerId", insertable = false, updatable = false)
	@Immutable
	@SQLOrder("upper(name), id")
	private List<OwnersPet> pets = new ArrayList<>();

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

	/** The owner's pets, ordered by name ignoring case. */
	List<OwnersPet> getPets() {
		return this.pets;
	}

	void update(String name, String city, @Nullable String telephone) {
		this.name = name;
		this.city = city;
		this.telephone = telephone;
	}

}
