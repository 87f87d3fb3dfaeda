package com.example.petclinic.usecase;

import org.springframework.http.HttpStatus;

/**
 * The resource a request names does not exist: answered with {@code 404 Not Found}.
 */
public class ResourceNotFoundException extends UseCaseException {

	public ResourceNotFoundException(String resource, Object id) {
		super(HttpStatus.NOT_FOUND, "%s %s does not exist".formatted(resource, id));
	}

}
