package com.example.petclinic.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id that its log lines carry (the MDC key {@value #MDC_KEY}) and
 * that its response returns in the {@value #HEADER} header, so a client's report and the
 * service's logs can be matched. A caller's own {@value #HEADER} (for example from a load
 * balancer) is kept when it is a plain token; anything else is replaced, so that a client
 * cannot write arbitrary text into the logs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

	public static final String HEADER = "X-Request-Id";

	public static final String MDC_KEY = "requestId";

	private static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String answered = response.getHeader(HEADER);
		String requestId = (answered != null) ? answered : requestId(request.getHeader(HEADER));
		response.setHeader(HEADER, requestId);
		MDC.put(MDC_KEY, requestId);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

	/**
	 * Also on the error page Tomcat forwards to when it refuses a request before any
	 * filter ran, such as a path under {@code /WEB-INF}: its answer carries an id too.
	 */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	private static String requestId(@Nullable String incoming) {
		return (incoming != null && VALID_ID.matcher(incoming).matches()) ? incoming : UUID.randomUUID().toString();
	}

}
