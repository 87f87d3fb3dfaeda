package com.example.petclinic.database;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import org.hibernate.TransactionException;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * What a failure says about the database, found anywhere in its cause chain (Spring and
 * Hibernate wrap the driver's {@link SQLException} in whatever fits where it surfaced).
 * <ul>
 * <li>A <em>connection fault</em>: the connection could not be opened or broke (SQLSTATE
 * class {@code 08}, the server shutting down or terminating the session
 * {@code 57P01}–{@code 57P03}, a reset or timed-out socket, no pooled connection in
 * time), or the database refused a new connection for now (Aurora DSQL's {@code 53300},
 * too many connections, and {@code 53400}, the connection rate limit). What the
 * transaction did is lost, and it may be run again on another connection.</li>
 * <li>A <em>timeout</em>: the transaction ran out of time (the client cancelled its
 * statement, {@code 57014}, or Spring saw its deadline pass). Aurora DSQL rejects
 * {@code SET statement_timeout}, so these bounds are the client's.</li>
 * </ul>
 */
public final class DatabaseFaults {

	private static final Set<String> SESSION_ENDED = Set.of("57P01", "57P02", "57P03");

	private static final Set<String> CONNECTIONS_REFUSED = Set.of("53300", "53400");

	private static final String QUERY_CANCELED = "57014";

	private DatabaseFaults() {
	}

	public static boolean isConnectionFault(@Nullable Throwable failure) {
		return anyCause(failure, DatabaseFaults::isConnectionFaultItself);
	}

	/**
	 * A connection that was open broke: the reason, a network fault or a restarted node,
	 * has usually broken the others opened before it. Not a pooled connection that did
	 * not come in time, nor a new one the database refused ({@code 53300},
	 * {@code 53400}): the connections there are are fine.
	 */
	public static boolean isBrokenConnection(@Nullable Throwable failure) {
		return isConnectionFault(failure) && !anyCause(failure,
				(cause) -> cause instanceof SQLTransientConnectionException || (cause instanceof SQLException sql
						&& sql.getSQLState() != null && CONNECTIONS_REFUSED.contains(sql.getSQLState())));
	}

	/** A socket read that waited out its timeout. */
	public static boolean isSocketTimeout(@Nullable Throwable failure) {
		return anyCause(failure, (cause) -> cause instanceof SocketTimeoutException);
	}

	public static boolean isTimeout(@Nullable Throwable failure) {
		return anyCause(failure,
				(cause) -> cause instanceof TransactionTimedOutException || cause instanceof QueryTimeoutException
						|| cause instanceof SQLTimeoutException
						|| (cause instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState()))
						|| isHibernateTransactionTimeout(cause));
	}

	// Hibernate checks the deadline before each statement it sends, a flush's included,
	// and says so only in its message.
	private static boolean isHibernateTransactionTimeout(Throwable cause) {
		return cause instanceof TransactionException
				&& String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("timeout expired");
	}

	/** A connection fault or a timeout: the database, not the request, is the problem. */
	public static boolean isFault(@Nullable Throwable failure) {
		return isConnectionFault(failure) || isTimeout(failure);
	}

	private static boolean isConnectionFaultItself(Throwable cause) {
		if (cause instanceof SQLTransientConnectionException || cause instanceof SocketException
				|| cause instanceof SocketTimeoutException) {
			return true;
		}
		if (cause instanceof SQLException sql && sql.getSQLState() != null) {
			String state = sql.getSQLState();
			return state.startsWith("08") || SESSION_ENDED.contains(state) || CONNECTIONS_REFUSED.contains(state);
		}
		return false;
	}

	private static boolean anyCause(@Nullable Throwable failure, Predicate<Throwable> test) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
			if (test.test(cause)) {
				return true;
			}
			if (cause instanceof SQLException sql) {
				for (SQLException next = sql.getNextException(); next != null
						&& seen.add(next); next = next.getNextException()) {
					if (test.test(next)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/** One line about a fault, for logs: its root cause and SQLSTATE. */
	public static String describe(Throwable failure) {
		Throwable root = failure;
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		while (root.getCause() != null && seen.add(root)) {
			root = root.getCause();
		}
		String state = (root instanceof SQLException sql && sql.getSQLState() != null)
				? " (SQLSTATE " + sql.getSQLState() + ")" : "";
		return root.getClass().getSimpleName() + state + ": " + root.getMessage();
	}

}
