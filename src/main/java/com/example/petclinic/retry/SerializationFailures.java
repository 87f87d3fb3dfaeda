package com.example.petclinic.retry;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Recognises a transaction that lost a concurrency conflict and may succeed if run again:
 * SQLSTATE {@code 40001} ({@code serialization_failure}), which PostgreSQL raises at
 * {@code REPEATABLE READ} and Aurora DSQL at commit, with {@code OC000} (a row changed)
 * or {@code OC001} (the schema changed) in its message.
 * <p>
 * Spring and Hibernate wrap it in whatever fits where it surfaced
 * ({@code CannotAcquireLockException}, {@code JpaSystemException},
 * {@code TransactionSystemException} at commit, ...), so the whole cause chain is
 * searched for the {@link SQLException}, never the outer type.
 */
public final class SerializationFailures {

	static final String SERIALIZATION_FAILURE = "40001";

	private SerializationFailures() {
	}

	public static boolean isSerializationFailure(@Nullable Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
			if (cause instanceof SQLException sql && isSerializationFailure(sql, seen)) {
				return true;
			}
		}
		return false;
	}

	// A batch failure reports the statement's own error as the next exception.
	private static boolean isSerializationFailure(SQLException failure, Set<Throwable> seen) {
		for (SQLException sql = failure; sql != null; sql = sql.getNextException()) {
			if (SERIALIZATION_FAILURE.equals(sql.getSQLState()) || namesOccConflict(sql.getMessage())) {
				return true;
			}
			if (sql != failure && !seen.add(sql)) {
				return false;
			}
		}
		return false;
	}

	private static boolean namesOccConflict(@Nullable String message) {
		return message != null && (message.contains("OC000") || message.contains("OC001"));
	}

}
