package com.example.petclinic.security;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.OAuth2ProtectedResourceMetadata;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The API's one security filter chain. Stateless: every request carries its token, no
 * session is made, so there is no cookie, and nothing for CSRF to forge; no login form,
 * no redirect, no HTML. Spring Security's default headers
 * ({@code X-Content-Type-Options}, {@code Cache-Control}, {@code X-Frame-Options}, and
 * HSTS on requests that came over TLS) are on in both modes.
 * <p>
 * With {@code petclinic.auth=jwt} (the default):
 * <ul>
 * <li>{@code GET} and {@code HEAD} on {@code /api/**} need {@code petclinic.read} or
 * {@code petclinic.write}; every other method ({@code POST}, {@code PUT}, {@code DELETE})
 * needs {@code petclinic.write};</li>
 * <li>health, with its liveness and readiness groups, is open (the container's health
 * check and load balancers call it without a token); the other management endpoints need
 * {@code petclinic.management}, unless they have a port of their own
 * ({@code management.server.port}), which is then kept from callers by the network;</li>
 * <li>{@code OPTIONS} is open: it reveals only the methods of a path;</li>
 * <li>the API document and Swagger UI are open, so that its "Authorize" can take a
 * token;</li>
 * <li>anything else needs a valid token, so an unknown path is a {@code 401} before it is
 * a {@code 404}.</li>
 * </ul>
 * Scope names are {@code petclinic.auth.*-scope}; the token's scopes are its
 * {@code scope} or {@code scp} claim.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableConfigurationProperties(AuthProperties.class)
class ApiSecurityConfiguration {

	private static final String SCOPE_AUTHORITY = "SCOPE_";

	private static final String ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

	private static final String REQUEST_ID_HEADER = "X-Request-Id";

	private static final String[] API_DOCUMENTATION = { "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
			"/swagger-ui.html", "/swagger-ui/**" };

	@Bean
	static BeanFactoryPostProcessor tokenValidationCheck(Environment environment) {
		return new TokenValidationCheck(environment);
	}

	/**
	 * No observation of each security filter: every request would be timed and counted
	 * about twenty times over (a fifth of the CPU of a single-resource read, and a third
	 * of its allocations); {@code http.server.requests} times the request as a whole, and
	 * refusals are its {@code 401} and {@code 403}.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Spring Security's firewall, but for an encoded percent sign: a specialty's name may
	 * hold {@code %}, and its address ({@code /api/specialties/100%25}) must reach it.
	 * The other encodings the firewall refuses ({@code /}, {@code \}, {@code ;},
	 * {@code .}) are refused in names too.
	 */
	@Bean
	HttpFirewall httpFirewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowUrlEncodedPercent(true);
		return firewall;
	}

	/**
	 * Added by Spring Boot to the validation of the {@code JwtDecoder} it configures.
	 */
	@Bean
	OAuth2TokenValidator<Jwt> accessTokenValidator(AuthProperties auth) {
		return new AccessTokenValidator(auth.audiences());
	}

	@Bean
	SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, AuthProperties auth, Environment environment,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver,
			ObjectProvider<JwtDecoder> decoders, ObjectProvider<MeterRegistry> meters) {
		SecurityProblems problems = new SecurityProblems(exceptionResolver);
		http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable);
		CorsFilter cors = corsFilter(auth.cors(), problems);
		if (cors != null) {
			http.addFilterAfter(cors, HeaderWriterFilter.class);
		}
		if (AuthMode.of(environment) == AuthMode.NONE) {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
			return http.build();
		}
		boolean managementOnItsOwnPort = ManagementPortType.get(environment) == ManagementPortType.DIFFERENT;
		http.authorizeHttpRequests((requests) -> authorize(requests, auth, managementOnItsOwnPort))
			.oauth2ResourceServer((resourceServer) -> resourceServer
				// Scopes from the scope or scp claim, as SCOPE_ authorities, whatever
				// spring.security.oauth2.resourceserver.jwt.authority-prefix says.
				.jwt((jwt) -> jwt.decoder(decoder(decoders.getObject(), auth.tokenCache(), meters.getIfAvailable()))
					.jwtAuthenticationConverter(new JwtAuthenticationConverter()))
				// RFC 9728: what a client needs to know to get a token for this service.
				.protectedResourceMetadata((metadata) -> metadata
					.protectedResourceMetadataCustomizer((resource) -> describe(resource, auth, environment)))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		return http.build();
	}

	/**
	 * The decoder Spring Boot configures from
	 * {@code spring.security.oauth2.resourceserver.jwt.*}, remembering the tokens it
	 * accepted unless {@code petclinic.auth.token-cache.size} or {@code max-age} is 0.
	 */
	private static JwtDecoder decoder(JwtDecoder configured, AuthProperties.TokenCache cache,
			@Nullable MeterRegistry meters) {
		return cache.enabled() ? new ValidatedTokenCache(configured, cache, meters) : configured;
	}

	private static void authorize(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
			AuthProperties auth, boolean managementOnItsOwnPort) {
		String read = authority(auth.readScope());
		String write = authority(auth.writeScope());
		// Tomcat forwards a request it refuses to the error page, which answers it.
		requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
		requests.requestMatchers(HttpMethod.OPTIONS, "/**").permitAll();
		requests.requestMatchers(EndpointRequest.to("health")).permitAll();
		if (managementOnItsOwnPort) {
			requests.requestMatchers(EndpointRequest.toAnyEndpoint()).permitAll();
		}
		else {
			requests.requestMatchers(EndpointRequest.toAnyEndpoint()).hasAuthority(authority(auth.managementScope()));
		}
		requests.requestMatchers(HttpMethod.GET, "/api/**").hasAnyAuthority(read, write);
		requests.requestMatchers(HttpMethod.HEAD, "/api/**").hasAnyAuthority(read, write);
		requests.requestMatchers("/api/**").hasAuthority(write);
		requests.requestMatchers(API_DOCUMENTATION).permitAll();
		requests.anyRequest().authenticated();
	}

	/**
	 * The resource's metadata at {@code /.well-known/oauth-protected-resource}: the
	 * issuer of its tokens, when one is configured, and the scopes it knows.
	 */
	private static void describe(OAuth2ProtectedResourceMetadata.Builder resource, AuthProperties auth,
			Environment environment) {
		String issuer = environment.getProperty(ISSUER_URI);
		if (issuer != null && !issuer.isBlank()) {
			resource.authorizationServer(issuer);
		}
		resource.scope(auth.readScope()).scope(auth.writeScope()).scope(auth.managementScope());
	}

	static String authority(String scope) {
		return SCOPE_AUTHORITY + scope;
	}

	static String scopeOf(String authority) {
		return authority.startsWith(SCOPE_AUTHORITY) ? authority.substring(SCOPE_AUTHORITY.length()) : authority;
	}

	/**
	 * Browsers may call the API from the origins listed, and from no other: without a
	 * list, no cross-origin request is allowed. No credentials (cookies) are involved:
	 * the token travels in {@code Authorization}.
	 */
	private static @Nullable CorsFilter corsFilter(AuthProperties.Cors cors, SecurityProblems problems) {
		if (cors.allowedOrigins().isEmpty()) {
			return null;
		}
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOrigins(cors.allowedOrigins());
		configuration.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "DELETE"));
		configuration.setAllowedHeaders(
				List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.IF_MATCH, REQUEST_ID_HEADER));
		configuration.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG, HttpHeaders.RETRY_AFTER,
				HttpHeaders.WWW_AUTHENTICATE, REQUEST_ID_HEADER));
		configuration.setMaxAge(Duration.ofHours(1));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/api/**", configuration);
		CorsFilter filter = new CorsFilter(source);
		filter.setCorsProcessor(new ProblemCorsProcessor(problems));
		return filter;
	}

	/**
	 * Refuses a request from an origin that is not allowed with a {@code 403} problem,
	 * not Spring's plain-text "Invalid CORS request".
	 */
	private static final class ProblemCorsProcessor extends DefaultCorsProcessor {

		private final SecurityProblems problems;

		ProblemCorsProcessor(SecurityProblems problems) {
			this.problems = problems;
		}

		@Override
		public boolean processRequest(@Nullable CorsConfiguration configuration, HttpServletRequest request,
				HttpServletResponse response) throws IOException {
			boolean allowed = super.processRequest(configuration, request, response);
			if (!allowed) {
				this.problems.answer(request, response, HttpStatus.FORBIDDEN,
						"Cross-origin requests from this origin are not allowed", null);
			}
			return allowed;
		}

		@Override
		protected void rejectRequest(ServerHttpResponse response) {
			response.setStatusCode(HttpStatus.FORBIDDEN);
		}

	}

}
