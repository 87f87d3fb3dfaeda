package com.example.petclinic.dsql;

import java.time.Duration;

/**
 * A write use case lost an optimistic-concurrency conflict on every attempt. Nothing it
 * did was committed, so the client may send the same request again: answered with
 * {@code 409 Conflict} and a {@code Retry-After} header.
 */
public class SerializationConflictException extends RuntimeException {

	private final Duration retryAfter;

	SerializationConflictException(String useCase, int attempts, Duration retryAfter, Throwable lastFailure) {
		super("%s conflicted with concurrent transactions on all %d attempts".formatted(useCase, attempts),
				lastFailure);
		this.retryAfter = retryAfter;
	}

	public Duration getRetryAfter() {
		return this.retryAfter;
	}

}
