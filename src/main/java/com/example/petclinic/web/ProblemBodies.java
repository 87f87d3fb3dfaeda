package com.example.petclinic.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Writes an RFC 9457 problem where Spring MVC cannot: in a servlet filter, before the
 * request reaches a controller, and in Tomcat's error report valve.
 */
final class ProblemBodies {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProblemBodies() {
	}

	static String json(int status, @Nullable String detail, @Nullable String instance) {
		HttpStatus known = HttpStatus.resolve(status);
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", (known != null) ? known.getReasonPhrase() : "Error");
		problem.put("status", status);
		problem.put("detail",
				(detail != null) ? detail : (known != null) ? known.getReasonPhrase() : "The request failed");
		if (instance != null) {
			problem.put("instance", instance);
		}
		return JSON.writeValueAsString(problem);
	}

	/**
	 * Replaces whatever the response holds with the problem, unless it is committed
	 * already.
	 */
	static void write(HttpServletResponse response, int status, @Nullable String detail, @Nullable String instance)
			throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		byte[] body = json(status, detail, instance).getBytes(StandardCharsets.UTF_8);
		try {
			response.getOutputStream().write(body);
		}
		catch (IllegalStateException ex) {
			// The response's writer is in use already.
			response.getWriter().write(new String(body, StandardCharsets.UTF_8));
		}
		response.flushBuffer();
	}

}
