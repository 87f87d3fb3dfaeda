package com.example.petclinic.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a token must carry ({@code petclinic.auth.*}); the mode itself is
 * {@code petclinic.auth} ({@link AuthMode}), and where the keys come from is Spring
 * Boot's own {@code spring.security.oauth2.resourceserver.jwt.*}.
 *
 * @param readScope the scope that allows reading ({@code GET} on {@code /api/**});
 * {@code writeScope} allows it too
 * @param writeScope the scope that allows every change ({@code POST}, {@code PUT},
 * {@code DELETE} on {@code /api/**})
 * @param managementScope the scope that allows the management endpoints other than health
 * ({@code info}, {@code prometheus}) when they share the API's port
 * @param audiences the audiences a token must be for, at least one: its {@code aud} claim
 * must name one of them or, when it has no {@code aud}, its {@code client_id} (as Amazon
 * Cognito's access tokens do)
 * @param cors the origins whose browser scripts may call the API
 * @param tokenCache how many validated tokens are remembered, and for how long
 */
@ConfigurationProperties(AuthMode.PROPERTY)
public record AuthProperties(@DefaultValue("petclinic.read") String readScope,
		@DefaultValue("petclinic.write") String writeScope,
		@DefaultValue("petclinic.management") String managementScope, @DefaultValue List<String> audiences,
		@DefaultValue Cors cors, @DefaultValue TokenCache tokenCache) {

	/**
	 * Cross-origin calls from browsers, closed unless origins are listed.
	 *
	 * @param allowedOrigins the origins (scheme, host and port, such as
	 * {@code https://clinic.example.com}) allowed to call the API; none by default
	 */
	public record Cors(@DefaultValue List<String> allowedOrigins) {

	}

	/**
	 * The tokens remembered after their validation ({@link ValidatedTokenCache}), so that
	 * a caller's next request with the same token is not validated again.
	 *
	 * @param size the most tokens remembered, each about 3 KiB of memory (a token of
	 * 1,000 characters and its claims); 0 validates every token on every request
	 * @param maxAge the longest a token is remembered, never beyond its expiry: how much
	 * longer than the key set's own cache (five minutes) a token signed with a key its
	 * issuer has withdrawn is still accepted; 0 validates every token on every request
	 */
	public record TokenCache(@DefaultValue("1000") int size, @DefaultValue("1m") Duration maxAge) {

		public TokenCache {
			if (size < 0) {
				throw new IllegalArgumentException("petclinic.auth.token-cache.size must not be negative");
			}
			if (maxAge.isNegative()) {
				throw new IllegalArgumentException("petclinic.auth.token-cache.max-age must not be negative");
			}
		}

		boolean enabled() {
			return this.size > 0 && !this.maxAge.isZero();
		}

	}

}
