package com.example.petclinic.owner;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;

/**
 * All owners.
 */
interface OwnerRepository extends ListCrudRepository<Owner, UUID>, ListPagingAndSortingRepository<Owner, UUID> {

	Page<Owner> findByNameStartingWithIgnoreCase(String name, Pageable pageable);

	/**
	 * The owner's id if it exists, read with {@code FOR UPDATE}. Written as SQL because
	 * Hibernate's pessimistic lock on PostgreSQL is {@code FOR NO KEY UPDATE}, which
	 * Aurora DSQL rejects.
	 */
	@Query(value = "select id from owner where id = :id for update", nativeQuery = true)
	Optional<UUID> lockById(UUID id);

}
