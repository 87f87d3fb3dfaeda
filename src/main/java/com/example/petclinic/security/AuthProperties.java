package com.example.petclinic.security;

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
 */
@ConfigurationProperties(AuthMode.PROPERTY)
public record AuthProperties(@DefaultValue("petclinic.read") String readScope,
		@DefaultValue("petclinic.write") String writeScope,
		@DefaultValue("petclinic.management") String managementScope, @DefaultValue List<String> audiences,
		@DefaultValue Cors cors) {

	/**
	 * Cross-origin calls from browsers, closed unless origins are listed.
	 *
	 * @param allowedOrigins the origins (scheme, host and port, such as
	 * {@code https://clinic.example.com}) allowed to call the API; none by default
	 */
	public record Cors(@DefaultValue List<String> allowedOrigins) {

	}

}
