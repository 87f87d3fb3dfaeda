package com.example.petclinic.owner;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * All owners.
 */
interface OwnerRepository extends ListCrudRepository<Owner, UUID>, JpaSpecificationExecutor<Owner> {

	/**
	 * The owner with its pets, in one statement (a left join). A query of its own rather
	 * than an entity graph on a derived query: Hibernate translates a query with an
	 * entity graph to SQL again on every call, and keeps this one's translation.
	 */
	@Query("select o from Owner o left join fetch o.pets where o.id = :id")
	Optional<Owner> findWithPetsById(UUID id);

	/**
	 * The owner's id if it exists, read with {@code FOR UPDATE}. Written as SQL because
	 * Hibernate's pessimistic lock on PostgreSQL is {@code FOR NO KEY UPDATE}, which
	 * Aurora DSQL rejects.
	 */
	@Query(value = "select id from owner where id = :id for update", nativeQuery = true)
	Optional<UUID> lockById(UUID id);

	/**
	 * Writes the owner's row without changing it, and answers how many rows that was (0
	 * or 1). A real write, unlike a lock, makes every concurrent transaction that also
	 * writes or locks the row fail with a serialization failure, on PostgreSQL and on
	 * Aurora DSQL alike.
	 */
	@Modifying
	@Query(value = "update owner set name = name where id = :id", nativeQuery = true)
	int touch(UUID id);

}
