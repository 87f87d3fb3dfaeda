package com.example.petclinic.database;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns a start that failed because the database could not be reached (refused, timed
 * out, silent) into one line that says so, instead of the stack trace of whatever first
 * asked for a connection (the migration, usually). The service needs its database to
 * migrate the schema, so it does not start without it; once started, it rides out outages
 * by itself.
 */
class DatabaseUnreachableFailureAnalyzer implements FailureAnalyzer {

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		if (!DatabaseFaults.isConnectionFault(failure)) {
			return null;
		}
		return new FailureAnalysis("The database could not be reached: " + driverMessage(failure), """
				Check that the database is running and that this host can reach it at the configured address \
				(spring.datasource.url, or CLUSTER_ENDPOINT on Aurora DSQL); every connection attempt is bounded \
				(README, "Faults and Regions").""", failure);
	}

	/** The driver's own words: the deepest SQL exception's, which names the address. */
	private static String driverMessage(Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Throwable deepest = failure;
		for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
			if (cause instanceof SQLException || deepest == failure) {
				deepest = cause;
			}
		}
		return String.valueOf(deepest.getMessage());
	}

}
