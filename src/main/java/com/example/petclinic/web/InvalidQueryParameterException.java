package com.example.petclinic.web;

import java.util.List;

import com.example.petclinic.web.ApiExceptionHandler.FieldProblem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A query parameter has a value the endpoint does not understand: answered with
 * {@code 400 Bad Request}, the parameter named in the problem's {@code errors}.
 */
public class InvalidQueryParameterException extends ErrorResponseException {

	public InvalidQueryParameterException(String parameter, String message) {
		super(HttpStatus.BAD_REQUEST, problem(parameter, message), null);
	}

	private static ProblemDetail problem(String parameter, String message) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
		problem.setProperty("errors", List.of(new FieldProblem(parameter, message)));
		return problem;
	}

}
