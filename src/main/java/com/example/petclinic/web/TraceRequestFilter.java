package com.example.petclinic.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Answers {@code TRACE}, which no resource supports, with a {@code 405} problem whose
 * {@code Allow} names the methods of the requested resource. The methods are what an
 * {@code OPTIONS} request for the same resource answers, so they are always Spring MVC's
 * own. Tomcat lets {@code TRACE} through to the filters (see
 * {@link TomcatProblemReports}) because it would answer it itself, before any filter,
 * with the methods of the whole servlet and without a request id; the request never
 * reaches a servlet as {@code TRACE}, so it is never echoed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class TraceRequestFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!HttpMethod.TRACE.matches(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		ContentCachingResponseWrapper options = new ContentCachingResponseWrapper(response);
		chain.doFilter(new HttpServletRequestWrapper(request) {

			@Override
			public String getMethod() {
				return HttpMethod.OPTIONS.name();
			}

		}, options);
		String allow = options.getHeader(HttpHeaders.ALLOW);
		response.setHeader(HttpHeaders.ALLOW, (allow != null) ? allow : HttpMethod.OPTIONS.name());
		// Part of the answer to OPTIONS, not to TRACE.
		response.setHeader("Accept-Patch", null);
		ProblemBodies.write(response, HttpStatus.METHOD_NOT_ALLOWED.value(), "Method 'TRACE' is not supported.",
				request.getRequestURI());
	}

}
