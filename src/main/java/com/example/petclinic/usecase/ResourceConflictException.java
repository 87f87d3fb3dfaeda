package com.example.petclinic.usecase;

import org.springframework.http.HttpStatus;

/**
 * The request contradicts the current state of a resource, for example deleting an owner
 * who still has pets: answered with {@code 409 Conflict} and nothing changed. Unlike a
 * lost concurrency conflict it carries no {@code Retry-After}: sending it again cannot
 * help.
 */
public class ResourceConflictException extends UseCaseException {

	public ResourceConflictException(String detail) {
		super(HttpStatus.CONFLICT, detail);
	}

}
