package com.example.petclinic.security;

import java.io.IOException;
import java.util.stream.Collectors;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorityAuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Answers a request without a valid token ({@code 401}) or without the scope it needs
 * ({@code 403}) as every other failure is answered: an RFC 9457 problem rendered by the
 * API's exception handler, with the request's path as its {@code instance}. Spring
 * Security's own bearer-token handlers set the status and the
 * {@code WWW-Authenticate: Bearer} header (RFC 6750: {@code error="invalid_token"} or
 * {@code "insufficient_scope"} and why, and since Spring Security 7 the
 * {@code resource_metadata} of RFC 9728, the URL of the service's
 * {@code /.well-known/oauth-protected-resource}); the body is a problem instead of
 * nothing.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	static final String MISSING_TOKEN = "The request needs a bearer token: Authorization: Bearer <access token>";

	private final AuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();

	private final AccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();

	private final HandlerExceptionResolver problems;

	SecurityProblems(HandlerExceptionResolver problems) {
		this.problems = problems;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException, ServletException {
		this.bearerEntryPoint.commence(request, response, ex);
		answer(request, response, HttpStatus.UNAUTHORIZED, unauthorized(ex), ex);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException, ServletException {
		this.bearerAccessDenied.handle(request, response, ex);
		answer(request, response, HttpStatus.FORBIDDEN, forbidden(ex), ex);
	}

	/**
	 * Why the token was refused, in the words of {@code error_description}: expired, not
	 * yet valid, from another issuer, for another audience, or not signed by the issuer's
	 * key. Spring Security keeps that text to printable ASCII without quotes.
	 */
	private static String unauthorized(AuthenticationException ex) {
		if (ex instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null) {
			return "The bearer token was refused: " + oauth.getError().getDescription();
		}
		return MISSING_TOKEN;
	}

	/**
	 * The scopes the request needs, from the authorization rule that refused it.
	 */
	private static String forbidden(AccessDeniedException ex) {
		if (ex instanceof AuthorizationDeniedException denied
				&& denied.getAuthorizationResult() instanceof AuthorityAuthorizationDecision decision) {
			String scopes = decision.getAuthorities()
				.stream()
				.map(GrantedAuthority::getAuthority)
				.map(ApiSecurityConfiguration::scopeOf)
				.sorted()
				.collect(Collectors.joining(" or "));
			return "The access token does not grant this request; it needs the scope " + scopes;
		}
		return "The access token does not grant this request";
	}

	/**
	 * Writes the problem through the API's exception handler, as if a controller had
	 * thrown it. Should no handler answer, the response keeps its status without a body,
	 * which Tomcat's problem report valve answers (see {@code web.TomcatProblemReports}).
	 */
	void answer(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail,
			@Nullable Exception cause) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		this.problems.resolveException(request, response, null, new ErrorResponseException(status, problem, cause));
	}

}
