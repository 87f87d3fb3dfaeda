package com.example.petclinic.usecase;

import org.springframework.http.HttpStatus;

/**
 * The resource has changed since the client read it: its {@code If-Match} names none of
 * the current entity tags. Answered with {@code 412 Precondition Failed} and nothing
 * changed.
 */
public class PreconditionFailedException extends UseCaseException {

	public PreconditionFailedException(String ifMatch) {
		super(HttpStatus.PRECONDITION_FAILED,
				("The resource has changed since it was read (If-Match: %s is not its current ETag); "
						+ "read it again, re-apply the change and send it with the new ETag")
					.formatted(ifMatch));
	}

}
