package com.example.petclinic.usecase;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A use case's failure that the client is told as a problem with this status and detail.
 * The detail is the exception's message too, for logs and for the commands.
 */
public abstract class UseCaseException extends ErrorResponseException {

	protected UseCaseException(HttpStatus status, String detail) {
		super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
	}

	@Override
	public String getMessage() {
		String detail = getBody().getDetail();
		return (detail != null) ? detail : super.getMessage();
	}

}
