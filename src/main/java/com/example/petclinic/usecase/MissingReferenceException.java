package com.example.petclinic.usecase;

import org.springframework.http.HttpStatus;

/**
 * A request body refers to another resource that does not exist, for example a pet for an
 * unknown owner: answered with {@code 422 Unprocessable Content} naming what is missing.
 */
public class MissingReferenceException extends UseCaseException {

	public MissingReferenceException(String detail) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, detail);
	}

}
