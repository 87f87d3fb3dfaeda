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
	 * Tokens for another endpoint of the same database: a token is signed for one host
	 * name and Region, so each endpoint needs its own. This one, unless it is tied to an
	 * endpoint.
	 */
	default DsqlTokenGenerator forEndpoint(DsqlEndpoint endpoint) {
		return this;
	}

	/**
	 * The IAM action the identity signing the tokens needs to connect as {@code user}.
	 */
	static String iamActionFor(String user) {
		return ADMIN.equals(user) ? "dsql:DbConnectAdmin" : "dsql:DbConnect";
	}

}
