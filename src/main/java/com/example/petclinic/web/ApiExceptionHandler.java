package com.example.petclinic.web;

import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import com.example.petclinic.database.DatabaseFaults;
import com.example.petclinic.database.DatabaseProperties;
import com.example.petclinic.database.DatabaseUnavailableException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into an RFC 9457 problem ({@code application/problem+json}). Spring
 * MVC's own errors (400, 404, 405, 406, 415, ...) and the use cases' failures, which are
 * {@link org.springframework.web.ErrorResponseException}s carrying their status, detail
 * and headers (such as the {@code 409} with {@code Retry-After} of a lost conflict), are
 * rendered by {@link ResponseEntityExceptionHandler}; this class adds a list of field
 * errors for validation, the database's refusals, and a {@code 500} that never shows a
 * stack trace, an exception message or SQL.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final URI ABOUT_BLANK = URI.create("about:blank");

	private static final String DATA_EXCEPTION_CLASS = "22";

	private static final String INVALID_DATETIME_FORMAT = "22007";

	private static final String DATETIME_FIELD_OVERFLOW = "22008";

	private static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";

	private static final String INVALID_PARAMETER_VALUE = "22023";

	private static final String UNTRANSLATABLE_CHARACTER = "22P05";

	private static final Logger logger = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final Duration retryAfter;

	ApiExceptionHandler(DatabaseProperties database) {
		this.retryAfter = database.retryAfter();
	}

	/**
	 * A constraint of the database caught what the service's own checks did not see, for
	 * example two clients creating the same specialty at once: {@code 409}. Or the
	 * database could not take a value of the request at all (SQLSTATE class {@code 22},
	 * data exception): {@code 400}, saying which kind of value it was.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleDataIntegrityViolation(DataIntegrityViolationException ex) {
		Throwable cause = ex.getMostSpecificCause();
		if (cause instanceof SQLException sql && sql.getSQLState() != null
				&& sql.getSQLState().startsWith(DATA_EXCEPTION_CLASS)) {
			logger.info("Request refused, the database cannot take one of its values: {}",
					LogSafe.quote(sql.getMessage()));
			return answer(problem(HttpStatus.BAD_REQUEST, unstorableValue(sql)));
		}
		// The database's message quotes the request's values (Key (name)=(...) already
		// exists).
		logger.info("Request refused by a database constraint: {}", LogSafe.quote(cause.getMessage()));
		return answer(problem(HttpStatus.CONFLICT, "The request conflicts with the current state of the resource"));
	}

	/**
	 * What kind of value the database could not take. pgJDBC refuses text with U+0000 and
	 * statements with more than 65,535 bind parameters itself, both with SQLSTATE
	 * {@code 22023} and told apart only by their (English) messages; anything not
	 * recognised gets a detail that names no cause rather than a wrong one.
	 */
	static String unstorableValue(SQLException ex) {
		String state = Objects.requireNonNull(ex.getSQLState());
		String message = Objects.requireNonNullElse(ex.getMessage(), "");
		if (state.equals(DATETIME_FIELD_OVERFLOW) || state.equals(INVALID_DATETIME_FORMAT)) {
			return "The request holds a date the database cannot store";
		}
		if (state.equals(CHARACTER_NOT_IN_REPERTOIRE) || state.equals(UNTRANSLATABLE_CHARACTER)
				|| message.contains("Zero bytes")) {
			return "The request holds a value the database cannot store, such as the character U+0000";
		}
		if (state.equals(INVALID_PARAMETER_VALUE) && message.contains("parameters")) {
			return "The request holds more values than the database takes in one statement";
		}
		return "The request holds a value the database cannot store";
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
		if (DatabaseFaults.isFault(ex)) {
			// Use cases answer their own faults; this is one met outside any of them.
			DatabaseUnavailableException unavailable = DatabaseUnavailableException.of("A request", ex,
					this.retryAfter);
			logger.warn("{}; the client is told to retry", unavailable.getMessage());
			return ResponseEntity.status(unavailable.getStatusCode())
				.headers(unavailable.getHeaders())
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(unavailable.getBody());
		}
		logger.error("Request failed unexpectedly", ex);
		return answer(problem(HttpStatus.INTERNAL_SERVER_ERROR, "The service failed to process the request"));
	}

	private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = ex.getBindingResult()
			.getAllErrors()
			.stream()
			.map((error) -> new FieldProblem(
					(error instanceof FieldError fieldError) ? fieldError.getField() : error.getObjectName(),
					message(error)))
			.sorted(FieldProblem.ORDER)
			.toList();
		return validationProblem(ex, errors, headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> new FieldProblem(parameterName(result.getMethodParameter()), message(error))))
			.sorted(FieldProblem.ORDER)
			.toList();
		return validationProblem(ex, errors, headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestBodyTooLargeException tooLarge) {
				ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
				return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
			}
		}
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, RequestBodyProblems.describe(ex));
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	private @Nullable ResponseEntity<Object> validationProblem(Exception ex, List<FieldProblem> errors,
			HttpHeaders headers, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST,
				"The request has %d invalid %s".formatted(errors.size(), (errors.size() == 1) ? "value" : "values"));
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	private static String parameterName(MethodParameter parameter) {
		String name = parameter.getParameterName();
		return (name != null) ? name : "argument " + parameter.getParameterIndex();
	}

	private static String message(MessageSourceResolvable error) {
		if (error instanceof FieldError fieldError && fieldError.isBindingFailure()) {
			return "must be a valid value, not '%s'".formatted(fieldError.getRejectedValue());
		}
		return (error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is invalid";
	}

	/**
	 * Every problem names its type, {@code about:blank} when the status says it all, as
	 * RFC 9457 recommends. Its content type is set here, so that it is written whatever
	 * the request's {@code Accept} says, even when that cannot be parsed.
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			if (problem.getType() == null) {
				problem.setType(ABOUT_BLANK);
			}
			HttpHeaders problemHeaders = new HttpHeaders();
			problemHeaders.putAll(headers);
			problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
			return super.createResponseEntity(body, problemHeaders, statusCode, request);
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private static ProblemDetail problem(HttpStatus status, @Nullable String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				(detail != null) ? detail : status.getReasonPhrase());
		problem.setType(ABOUT_BLANK);
		return problem;
	}

	/**
	 * One invalid value of a request: the field or parameter, and what is wrong with it.
	 */
	record FieldProblem(String field, String message) {

		static final Comparator<FieldProblem> ORDER = Comparator.comparing(FieldProblem::field)
			.thenComparing(FieldProblem::message);

	}

}
