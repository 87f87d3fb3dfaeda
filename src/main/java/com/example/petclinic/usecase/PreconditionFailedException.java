package com.example.petclinic.usecase;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * The resource has changed since the client read it: its {@code If-Match} names none of
 * the current entity tags. Answered with {@code 412 Precondition Failed} and nothing
 * changed.
 */
public class PreconditionFailedException extends UseCaseException {

	private final transient @Nullable Object current;

	/**
	 * @param ifMatch the precondition, as the client sent it
	 * @param current the resource's representation that did not satisfy it
	 */
	public PreconditionFailedException(String ifMatch, @Nullable Object current) {
		super(HttpStatus.PRECONDITION_FAILED,
				("The resource has changed since it was read (If-Match: %s is not its current ETag); "
						+ "read it again, re-apply the change and send it with the new ETag")
					.formatted(ifMatch));
		this.current = current;
	}

	/**
	 * The representation the precondition was checked against (never sent to the client:
	 * it may already be the change itself, stored by an attempt whose commit went
	 * unacknowledged).
	 */
	public @Nullable Object getCurrent() {
		return this.current;
	}

}
