package com.example.petclinic.web;

/**
 * The request contradicts the current state of a resource, for example deleting an owner
 * who still has pets: answered with {@code 409 Conflict} and nothing changed.
 */
public class ResourceConflictException extends RuntimeException {

	public ResourceConflictException(String message) {
		super(message);
	}

}
