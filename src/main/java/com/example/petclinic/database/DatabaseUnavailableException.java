package com.example.petclinic.database;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The database could not be reached, or did not answer in time, and nothing the request
 * asked for was changed: {@code 503 Service Unavailable} with {@code Retry-After}, so
 * that the client sends it again later.
 */
public class DatabaseUnavailableException extends ErrorResponseException {

	static final String UNREACHABLE = "The database cannot be reached right now; the request was not applied and "
			+ "may be sent again";

	static final String TOO_SLOW = "The database did not answer in time; the request was not applied and may be "
			+ "sent again";

	private final String reason;

	private DatabaseUnavailableException(String detail, String reason, Duration retryAfter, Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail),
				cause);
		this.reason = reason;
		getHeaders().set(HttpHeaders.RETRY_AFTER, RetryAfter.seconds(retryAfter));
	}

	/** For {@code failure}, a connection fault or a timeout. */
	public static DatabaseUnavailableException of(String what, Throwable failure, Duration retryAfter) {
		return DatabaseFaults.isTimeout(failure)
				? new DatabaseUnavailableException(TOO_SLOW, what + " ran out of time", retryAfter, failure)
				: new DatabaseUnavailableException(UNREACHABLE,
						what + " could not reach the database: " + DatabaseFaults.describe(failure), retryAfter,
						failure);
	}

	@Override
	public String getMessage() {
		return this.reason;
	}

}
