package com.example.petclinic.specialty;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * All specialties.
 */
interface SpecialtyRepository extends ListCrudRepository<Specialty, String> {

	List<Specialty> findAllByOrderByNameAsc();

	/**
	 * A query rather than {@code EntityManager.find}, which the default query timeout
	 * ({@code jakarta.persistence.query.timeout}) does not bound.
	 */
	@Override
	@Query("select s from Specialty s where s.name = :name")
	Optional<Specialty> findById(String name);

	/**
	 * The names among {@code names} that exist, read with {@code FOR UPDATE} so that no
	 * other transaction changes them until this one ends. SQL because Hibernate's
	 * pessimistic lock on PostgreSQL is {@code FOR NO KEY UPDATE}, which Aurora DSQL
	 * rejects.
	 */
	@Query(value = "select name from specialty where name in (:names) for update", nativeQuery = true)
	List<String> lockExisting(Collection<String> names);

	/**
	 * Writes the rows of the named specialties without changing them, and answers how
	 * many exist. A real write, unlike a lock, makes a concurrent deletion of one of them
	 * fail with a serialization failure, on PostgreSQL and on Aurora DSQL alike.
	 */
	@Modifying
	@Query(value = "update specialty set name = name where name in (:names)", nativeQuery = true)
	int touchExisting(Collection<String> names);

}
