package com.example.petclinic.web;

/**
 * A request body refers to another resource that does not exist, for example a pet for an
 * unknown owner: answered with {@code 422 Unprocessable Content} naming what is missing.
 */
public class MissingReferenceException extends RuntimeException {

	public MissingReferenceException(String message) {
		super(message);
	}

}
