package com.example.petclinic.pet;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * All pets.
 */
interface PetRepository extends ListCrudRepository<Pet, UUID>, JpaSpecificationExecutor<Pet> {

	/**
	 * A query rather than {@code EntityManager.find}, which the default query timeout
	 * ({@code jakarta.persistence.query.timeout}) does not bound.
	 */
	@Override
	@Query("select p from Pet p where p.id = :id")
	Optional<Pet> findById(UUID id);

	List<Pet> findByOwnerIdOrderByNameKeyAscIdAsc(UUID ownerId);

}
