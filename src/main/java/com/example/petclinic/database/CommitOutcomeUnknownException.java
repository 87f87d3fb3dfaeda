package com.example.petclinic.database;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The connection broke while a change was being committed, so whether it was stored is
 * unknown, and repeating it could store it twice: {@code 503 Service Unavailable}, saying
 * so plainly, with {@code Retry-After}. The client reads the resource to find out before
 * it sends the change again.
 */
public class CommitOutcomeUnknownException extends ErrorResponseException {

	static final String DETAIL = "The connection to the database broke while the change was being committed: it may "
			+ "or may not have been applied. Read the resource to find out before sending the request again";

	private final String useCase;

	private final Throwable fault;

	public CommitOutcomeUnknownException(String useCase, Duration retryAfter, Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL),
				cause);
		this.useCase = useCase;
		this.fault = cause;
		getHeaders().set(HttpHeaders.RETRY_AFTER, RetryAfter.seconds(retryAfter));
	}

	@Override
	public String getMessage() {
		return "The outcome of " + this.useCase + " is unknown: its connection broke during COMMIT ("
				+ DatabaseFaults.describe(this.fault) + ")";
	}

}
