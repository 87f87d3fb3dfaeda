package com.example.petclinic.usecase;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request body refers to another resource that does not exist, for example a pet for an
 * unknown owner: answered with {@code 422 Unprocessable Content} naming what is missing.
 */
public class MissingReferenceException extends ErrorResponseException {

	public MissingReferenceException(String detail) {
		super(HttpStatus.UNPROCESSABLE_CONTENT,
				ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail), null);
	}

}
