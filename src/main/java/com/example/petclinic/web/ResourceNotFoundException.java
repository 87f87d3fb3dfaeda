package com.example.petclinic.web;

/**
 * The resource a request names does not exist: answered with {@code 404 Not Found}.
 */
public class ResourceNotFoundException extends RuntimeException {

	public ResourceNotFoundException(String resource, Object id) {
		super("%s %s does not exist".formatted(resource, id));
	}

}
