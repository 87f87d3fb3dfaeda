package com.example.petclinic.web;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Answers with an RFC 9457 problem the requests that Tomcat refuses before they reach
 * Spring MVC: a URL with a character that must be percent-encoded (such as {@code |}), an
 * encoded {@code /} or NUL in the path, a malformed header. Tomcat would answer them with
 * an HTML page. Its error report valve, which Spring Boot configures on the host, is
 * replaced by one that writes the problem; everything Spring MVC answers has its body
 * already and passes through untouched.
 */
@Component
class TomcatProblemReports implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				replaceErrorReportValve(host);
			}
		});
	}

	/**
	 * After Spring Boot's customizer, which adds the valve this one replaces.
	 */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	private static void replaceErrorReportValve(StandardHost host) {
		Pipeline pipeline = host.getPipeline();
		for (Valve valve : pipeline.getValves()) {
			if (valve instanceof ErrorReportValve) {
				pipeline.removeValve(valve);
			}
		}
		pipeline.addValve(new ProblemReportValve());
		// Otherwise the host adds Tomcat's own valve again when it starts.
		host.setErrorReportValveClass(ProblemReportValve.class.getName());
	}

	static final class ProblemReportValve extends ErrorReportValve {

		private static final JsonMapper JSON = JsonMapper.builder().build();

		static final String BAD_REQUEST_DETAIL = "The request is not valid HTTP: a header is malformed or too large, "
				+ "the URL holds a character that must be percent-encoded (such as | { } [ ]), "
				+ "or the path holds an encoded / or NUL";

		@Override
		protected void report(Request request, Response response, @Nullable Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !ioAllowed(response)
					|| !response.setErrorReported()) {
				return;
			}
			HttpStatus known = HttpStatus.resolve(status);
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("type", "about:blank");
			problem.put("title", (known != null) ? known.getReasonPhrase() : "Error");
			problem.put("status", status);
			problem.put("detail", (status == HttpStatus.BAD_REQUEST.value()) ? BAD_REQUEST_DETAIL
					: (known != null) ? known.getReasonPhrase() : "The request failed");
			if (request.getRequestURI() != null) {
				problem.put("instance", request.getRequestURI());
			}
			try {
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.setCharacterEncoding("UTF-8");
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(JSON.writeValueAsString(problem));
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// The client is gone or the response cannot take a body: nothing to tell.
			}
		}

		private static boolean ioAllowed(Response response) {
			AtomicBoolean allowed = new AtomicBoolean();
			response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, allowed);
			return allowed.get();
		}

	}

}
