package com.example.petclinic.retry;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

class SerializationFailuresUnitTest {

	private static final SQLException POSTGRES_CONFLICT = new SQLException(
			"ERROR: could not serialize access due to concurrent update", "40001");

	@Test
	void recognisesSqlState40001AsSpringAndHibernateWrapIt() {
		assertThat(SerializationFailures.isSerializationFailure(new CannotAcquireLockException("update owner",
				new LockAcquisitionException("could not execute statement", POSTGRES_CONFLICT))))
			.isTrue();
		assertThat(SerializationFailures
			.isSerializationFailure(new JpaSystemException(new RuntimeException("flush failed", POSTGRES_CONFLICT))))
			.isTrue();
	}

	@Test
	void recognisesAuroraDsqlConflictCodesInTheMessageWhateverTheState() {
		assertThat(SerializationFailures.isSerializationFailure(new TransactionSystemException("Could not commit",
				new SQLException("ERROR: change conflicts with another transaction, please retry: (OC000)"))))
			.isTrue();
		assertThat(SerializationFailures.isSerializationFailure(
				new SQLException("ERROR: schema has been updated by another transaction, please retry: (OC001)")))
			.isTrue();
	}

	@Test
	void recognisesTheFailureOfABatchReportedAsItsNextException() {
		BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "08000", new int[0]);
		batch.setNextException(POSTGRES_CONFLICT);

		assertThat(SerializationFailures.isSerializationFailure(new JpaSystemException(new RuntimeException(batch))))
			.isTrue();
	}

	@Test
	void doesNotRecogniseOtherFailures() {
		assertThat(SerializationFailures.isSerializationFailure(new DataIntegrityViolationException("duplicate",
				new SQLException("ERROR: duplicate key value violates unique constraint", "23505"))))
			.isFalse();
		assertThat(SerializationFailures.isSerializationFailure(new SQLException("ERROR: deadlock detected", "40P01")))
			.isFalse();
		assertThat(SerializationFailures.isSerializationFailure(new IllegalStateException("40001"))).isFalse();
		assertThat(SerializationFailures.isSerializationFailure(null)).isFalse();
	}

	@Test
	void endsOnACauseChainThatLoops() {
		RuntimeException first = new RuntimeException("first");
		RuntimeException second = new RuntimeException("second", first);
		first.initCause(second);

		assertThat(SerializationFailures.isSerializationFailure(first)).isFalse();
	}

}
