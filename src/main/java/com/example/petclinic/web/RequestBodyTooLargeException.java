package com.example.petclinic.web;

import java.io.IOException;

/**
 * A request body grew beyond the limit while it was read. An {@link IOException}, so that
 * it leaves every reader of the body (a JSON parser, a form parser) as a failure to read,
 * and is answered {@code 413 Content Too Large}.
 */
class RequestBodyTooLargeException extends IOException {

	private static final long serialVersionUID = 1L;

	RequestBodyTooLargeException(long limit) {
		super(RequestBodyLimitFilter.detail(limit));
	}

}
