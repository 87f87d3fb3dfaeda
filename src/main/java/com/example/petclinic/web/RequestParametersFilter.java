package com.example.petclinic.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Decodes a request's parameters (its query string, and a form body) before anything else
 * asks for one, so that parameters that cannot be decoded (a bad percent escape such as
 * {@code %ZZ} or a lone {@code %}, bytes that are not UTF-8, more parameters than
 * Tomcat's {@code maxParameterCount}) are refused with one {@code 400} problem and one
 * short log line. Tomcat decodes them lazily and throws on the first
 * {@code getParameter}, wherever that is: a controller, an actuator endpoint, a filter.
 */
@Component
// After Spring Boot's CharacterEncodingFilter, which makes a form body decode as UTF-8.
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class RequestParametersFilter extends OncePerRequestFilter {

	static final String DETAIL = "The request's parameters cannot be decoded: "
			+ "a percent escape is malformed, the decoded bytes are not UTF-8, or there are more than 1000 parameters";

	private static final Logger logger = LoggerFactory.getLogger(RequestParametersFilter.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParameterMap();
		}
		catch (InvalidParameterException ex) {
			int status = (ex.getErrorCode() > 0) ? ex.getErrorCode() : HttpStatus.BAD_REQUEST.value();
			logger.info("Request refused, its parameters cannot be decoded ({}): query {}",
					LogSafe.quote(reason(ex), 80), LogSafe.quote(request.getQueryString(), 100));
			ProblemBodies.write(response, status, (status == HttpStatus.BAD_REQUEST.value()) ? DETAIL : null,
					request.getRequestURI());
			return;
		}
		chain.doFilter(request, response);
	}

	private static String reason(InvalidParameterException ex) {
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

}
