package com.example.petclinic.retry;

import java.time.Duration;

import com.example.petclinic.database.RetryAfter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A write use case lost an optimistic-concurrency conflict on every attempt. Nothing it
 * did was committed, so the client may send the same request again: answered with
 * {@code 409 Conflict} and a {@code Retry-After} header, which tells it apart from a
 * {@code 409} that retrying cannot fix.
 */
public class SerializationConflictException extends ErrorResponseException {

	static final String DETAIL = "The request conflicted with concurrent changes to the same data and was not "
			+ "applied; it may be sent again";

	private final String useCase;

	private final int attempts;

	private final Duration retryAfter;

	SerializationConflictException(String useCase, int attempts, Duration retryAfter, Throwable lastFailure) {
		super(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, DETAIL), lastFailure);
		this.useCase = useCase;
		this.attempts = attempts;
		this.retryAfter = retryAfter;
		getHeaders().set(HttpHeaders.RETRY_AFTER, RetryAfter.seconds(retryAfter));
	}

	@Override
	public String getMessage() {
		return "%s conflicted with concurrent transactions on all %d attempts".formatted(this.useCase, this.attempts);
	}

	public Duration getRetryAfter() {
		return this.retryAfter;
	}

}
