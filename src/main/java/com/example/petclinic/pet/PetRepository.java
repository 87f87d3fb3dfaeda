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

	boolean existsByOwnerId(UUID ownerId);

}
