package com.example.petclinic.vet;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;

/**
 * All vets.
 */
interface VetRepository extends ListCrudRepository<Vet, UUID>, ListPagingAndSortingRepository<Vet, UUID> {

	@Query(value = "select v from Vet v where :specialty member of v.specialties",
			countQuery = "select count(v) from Vet v where :specialty member of v.specialties")
	Page<Vet> findBySpecialty(String specialty, Pageable pageable);

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
