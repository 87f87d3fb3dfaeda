package com.example.petclinic.web;

import java.net.URI;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the error page that Tomcat forwards to when a request fails outside Spring MVC
 * (a path under {@code /WEB-INF}, a malformed chunked body, an exception that left a
 * filter) with a problem, in place of Spring Boot's error JSON or Whitelabel page. The
 * error page asked for directly is not a resource: {@code 404}.
 */
@RestController
class ProblemErrorController implements ErrorController {

	private static final URI ABOUT_BLANK = URI.create("about:blank");

	@RequestMapping("${server.error.path:${error.path:/error}}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (request.getDispatcherType() != DispatcherType.ERROR || !(code instanceof Integer status) || status < 400) {
			return problem(HttpStatus.NOT_FOUND, "No resource " + request.getRequestURI(), request.getRequestURI());
		}
		HttpStatusCode statusCode = HttpStatusCode.valueOf(status);
		String detail = (status == HttpStatus.BAD_REQUEST.value())
				? TomcatProblemReports.ProblemReportValve.BAD_REQUEST_DETAIL
				: (status == HttpStatus.INTERNAL_SERVER_ERROR.value()) ? "The service failed to process the request"
						: null;
		return problem(statusCode, detail, (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, @Nullable String detail,
			@Nullable String instance) {
		HttpStatus known = HttpStatus.resolve(status.value());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				(detail != null) ? detail : (known != null) ? known.getReasonPhrase() : "The request failed");
		problem.setType(ABOUT_BLANK);
		if (instance != null) {
			try {
				problem.setInstance(URI.create(instance));
			}
			catch (IllegalArgumentException ex) {
				// A path that is not a valid URI reference is left out rather than
				// echoed.
			}
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
