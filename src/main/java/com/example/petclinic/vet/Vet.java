package com.example.petclinic.vet;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import com.example.petclinic.persistence.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.Formula;
import org.jspecify.annotations.Nullable;

/**
 * A veterinarian. Its specialties are the rows of the sample's join table
 * {@code _SpecialtyToVet} ({@code "A"} the specialty's name, {@code "B"} the vet's id),
 * so deleting a vet removes them too.
 */
@Entity
@Table(name = "vet")
class Vet extends AssignedIdEntity<UUID> {

	// Chosen by the caller before the transaction (see AssignedIdEntity).
	@Id
	private UUID id;

	private String name;

	/**
	 * What the list orders vets by: the name ignoring case, the expression of the index
	 * {@code vet_upper_name_id_idx}. Read with the row, never written.
	 */
	@Formula("upper(name)")
	private @Nullable String nameKey;

	@ElementCollection
	@CollectionTable(name = "_SpecialtyToVet", joinColumns = @JoinColumn(name = "B"))
	@Column(name = "A")
	private Set<String> specialties = new HashSet<>();

	Vet(UUID id, String name, Set<String> specialties) {
		this.id = id;
		this.name = name;
		this.specialties.addAll(specialties);
	}

	@SuppressWarnings("NullAway.Init")
	protected Vet() {
		// for JPA
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	/**
	 * The names of the vet's specialties, sorted.
	 */
	public List<String> getSpecialties() {
		return this.specialties.stream().sorted().toList();
	}

	void update(String name, Set<String> specialties) {
		this.name = name;
		this.specialties.retainAll(specialties);
		this.specialties.addAll(specialties);
	}

}
