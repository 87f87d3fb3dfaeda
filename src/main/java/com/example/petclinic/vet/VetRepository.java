package com.example.petclinic.vet;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
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

}
