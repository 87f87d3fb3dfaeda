package com.example.petclinic.specialty;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * All specialties.
 */
interface SpecialtyRepository extends ListCrudRepository<Specialty, String> {

	List<Specialty> findAllByOrderByNameAsc();

	/**
	 * The names among {@code names} that exist, read with {@code FOR UPDATE} so that a
	 * concurrent deletion of one of them and this transaction cannot both commit. SQL
	 * because Hibernate's pessimistic lock on PostgreSQL is {@code FOR NO KEY UPDATE},
	 * which Aurora DSQL rejects.
	 */
	@Query(value = "select name from specialty where name in (:names) for update", nativeQuery = true)
	List<String> lockExisting(Collection<String> names);

}
