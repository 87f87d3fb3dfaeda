package com.example.petclinic.pet;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.ListCrudRepository;

/**
 * All pets.
 */
interface PetRepository extends ListCrudRepository<Pet, UUID>, JpaSpecificationExecutor<Pet> {

	List<Pet> findByOwnerIdOrderByNameKeyAscIdAsc(UUID ownerId);

}
