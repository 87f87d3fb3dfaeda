package com.example.petclinic.web;

import java.security.Principal;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Logs every change the API made, once, at INFO: what was changed (the resource's path,
 * which holds its id: the new resource's {@code Location} for a {@code POST}), how, and
 * by whom: the authenticated caller's name, which for a JWT is its subject ({@code sub}),
 * or an anonymous caller when the API is open. The line carries the request id like every
 * other. A refused or failed request changed nothing and is not logged here; the token
 * itself is never logged.
 */
@Component
class ChangeLog implements HandlerInterceptor, WebMvcConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(ChangeLog.class);

	private static final Map<String, String> CHANGES = Map.of("POST", "Created", "PUT", "Replaced", "PATCH", "Changed",
			"DELETE", "Deleted");

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/api/**");
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable Exception ex) {
		String change = CHANGES.get(request.getMethod());
		int status = response.getStatus();
		if (change == null || !(handler instanceof HandlerMethod) || status < 200 || status >= 300) {
			return;
		}
		// The raw request URI and a Location built by the service hold no control
		// characters: Tomcat refuses them in a request line, and a path is encoded.
		String location = response.getHeader(HttpHeaders.LOCATION);
		String resource = (change.equals("Created") && location != null) ? location : request.getRequestURI();
		logger.info("{} {} ({} {}) by {}", change, resource, request.getMethod(), request.getRequestURI(),
				caller(request.getUserPrincipal()));
	}

	private static String caller(@Nullable Principal principal) {
		return (principal != null) ? "subject " + LogSafe.quote(principal.getName(), 100) : "an anonymous caller";
	}

}
