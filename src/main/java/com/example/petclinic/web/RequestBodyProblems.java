package com.example.petclinic.web;

import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Says what is wrong with an unreadable request body in words a client can act on,
 * without echoing parser internals such as class names.
 */
final class RequestBodyProblems {

	private RequestBodyProblems() {
	}

	static String describe(HttpMessageNotReadableException ex) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof StreamReadException) {
				return "The request body is not valid JSON";
			}
			if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
				return "The request body has an invalid value for '%s'".formatted(path(jackson));
			}
		}
		if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
			return "The request body is missing";
		}
		return "The request body cannot be read as JSON";
	}

	private static String path(JacksonException ex) {
		return ex.getPath()
			.stream()
			.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
					: "[" + reference.getIndex() + "]")
			.collect(Collectors.joining("."))
			.replace(".[", "[");
	}

}
