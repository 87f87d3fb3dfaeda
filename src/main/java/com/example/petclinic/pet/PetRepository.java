package com.example.petclinic.pet;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.ListCrudRepository;

/**
 * All pets.
 */
public interface PetRepository extends ListCrudRepository<Pet, UUID>, JpaSpecificationExecutor<Pet> {

	/**
	 * The pets of the given owners in one statement, so that a page of owners never costs
	 * a query per owner.
	 */
	List<Pet> findByOwnerIdInOrderByNameAscIdAsc(Collection<UUID> ownerIds);

	/**
	 * The pets of one owner. The single-valued parameter lets Hibernate reuse the query's
	 * SQL translation, which it redoes on every call of a query with a list parameter.
	 */
	List<Pet> findByOwnerIdOrderByNameAscIdAsc(UUID ownerId);

	boolean existsByOwnerId(UUID ownerId);

}
