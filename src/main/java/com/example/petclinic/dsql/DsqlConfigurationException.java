package com.example.petclinic.dsql;

/**
 * The DSQL settings cannot work: the message says what is wrong and which setting to
 * change.
 */
public class DsqlConfigurationException extends RuntimeException {

	public DsqlConfigurationException(String message) {
		super(message);
	}

}
