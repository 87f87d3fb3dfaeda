package com.example.petclinic.pet;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.ListCrudRepository;

/**
 * All pets.
 */
interface PetRepository extends ListCrudRepository<Pet, UUID>, JpaSpecificationExecutor<Pet> {

	List<Pet> findByOwnerIdInOrderByNameKeyAscIdAsc(Collection<UUID> ownerIds);

	List<Pet> findByOwnerIdOrderByNameKeyAscIdAsc(UUID ownerId);

	boolean existsByOwnerId(UUID ownerId);

}
