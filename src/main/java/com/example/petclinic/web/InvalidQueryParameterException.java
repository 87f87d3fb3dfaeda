package com.example.petclinic.web;

/**
 * A query parameter has a value the endpoint does not understand: answered with
 * {@code 400 Bad Request}.
 */
public class InvalidQueryParameterException extends RuntimeException {

	private final String parameter;

	public InvalidQueryParameterException(String parameter, String message) {
		super(message);
		this.parameter = parameter;
	}

	public String getParameter() {
		return this.parameter;
	}

}
