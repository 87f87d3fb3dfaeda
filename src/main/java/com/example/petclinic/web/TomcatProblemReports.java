package com.example.petclinic.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;

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
 * replaced by one that writes the problem, also for an error status that was answered
 * without a body (such as an actuator's {@code 404} for an unknown health group);
 * everything Spring MVC answers has its body already and passes through untouched.
 */
@Component
class TomcatProblemReports implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

	private final HttpLimitsProperties limits;

	TomcatProblemReports(HttpLimitsProperties limits) {
		this.limits = limits;
	}

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addConnectorCustomizers((connector) -> {
			// TRACE reaches the filters, where TraceRequestFilter answers it with a
			// problem; Tomcat would answer it itself, before any filter, with the
			// servlet's methods.
			connector.setAllowTrace(true);
			// Form bodies of every method are decoded by Tomcat, so that
			// RequestParametersFilter refuses a malformed one whatever the method (the
			// API itself reads only JSON), within the same limit as any body.
			connector.setParseBodyMethods("POST,PUT,PATCH,DELETE");
			connector.setMaxPostSize((int) Math.min(Integer.MAX_VALUE, this.limits.maxRequestBodySize().toBytes()));
		});
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

		static final String BAD_REQUEST_DETAIL = "The request is not valid HTTP: a header is malformed or too large, "
				+ "the URL holds a character that must be percent-encoded (such as | { } [ ]), "
				+ "the path holds an encoded / or NUL, or the chunked body is malformed";

		@Override
		protected void report(Request request, Response response, @Nullable Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !ioAllowed(response)) {
				return;
			}
			// An error status set without sendError (and without a body) is reported too.
			response.setError();
			if (!response.setErrorReported()) {
				return;
			}
			String problem = ProblemBodies.json(status,
					(status == HttpStatus.BAD_REQUEST.value()) ? BAD_REQUEST_DETAIL : null, request.getRequestURI());
			try {
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.setCharacterEncoding("UTF-8");
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(problem);
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
