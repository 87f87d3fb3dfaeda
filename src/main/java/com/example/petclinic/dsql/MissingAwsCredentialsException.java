package com.example.petclinic.dsql;

/**
 * No AWS credentials could be found to sign an auth token.
 */
public class MissingAwsCredentialsException extends RuntimeException {

	MissingAwsCredentialsException(String user, DsqlEndpoint endpoint, Exception cause) {
		super("No AWS credentials to sign the auth token of database user '%s' for %s: %s".formatted(user,
				endpoint.host(), cause.getMessage()), cause);
	}

}
