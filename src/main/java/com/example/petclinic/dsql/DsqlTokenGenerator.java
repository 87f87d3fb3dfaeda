package com.example.petclinic.dsql;

import java.time.Duration;

/**
 * Signs the password of a new connection: an IAM auth token for one database user.
 */
@FunctionalInterface
public interface DsqlTokenGenerator {

	/** The built-in DSQL role, whose tokens need {@code dsql:DbConnectAdmin}. */
	String ADMIN = "admin";

	/**
	 * A token that lets {@code user} open connections until {@code lifetime} has passed.
	 * Connections opened with it stay open after it expires.
	 */
	String generateToken(String user, Duration lifetime);

	/**
	 * The IAM action the identity signing the tokens needs to connect as {@code user}.
	 */
	static String iamActionFor(String user) {
		return ADMIN.equals(user) ? "dsql:DbConnectAdmin" : "dsql:DbConnect";
	}

}
