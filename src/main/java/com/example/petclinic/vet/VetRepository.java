package com.example.petclinic.vet;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * All vets.
 */
interface VetRepository extends ListCrudRepository<Vet, UUID>, JpaSpecificationExecutor<Vet> {

	/**
	 * The vet with its specialties, in one statement (a left join). A query rather than
	 * {@code EntityManager.find}, which the default query timeout does not bound.
	 */
	@Override
	@Query("select v from Vet v left join fetch v.specialties where v.id = :id")
	Optional<Vet> findById(UUID id);

	@Query("select count(v) > 0 from Vet v where :specialty member of v.specialties")
	boolean existsBySpecialty(String specialty);

	/**
	 * Writes the vet's row without changing it, and answers how many rows that was (0 or
	 * 1): see {@link VetService#update}.
	 */
	@Modifying
	@Query(value = "update vet set name = name where id = :id", nativeQuery = true)
	int touch(UUID id);

}
