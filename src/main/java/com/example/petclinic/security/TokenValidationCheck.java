package com.example.petclinic.security;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Secure by default: a service that is to authenticate its callers
 * ({@code petclinic.auth} {@code jwt}, the default) but has no way to validate their
 * tokens, or accepts tokens for any audience, does not start. The check runs once the
 * bean definitions are known and before any bean is made, so a refused start has not
 * touched the database. An open API ({@code petclinic.auth=none}) is said at every start.
 */
final class TokenValidationCheck implements BeanFactoryPostProcessor {

	static final String NO_DECODER = "petclinic.auth is jwt, but no JWT validation is configured: set "
			+ "spring.security.oauth2.resourceserver.jwt.issuer-uri, jwk-set-uri or public-key-location";

	static final String NO_AUDIENCE = "petclinic.auth is jwt, but petclinic.auth.audiences is empty: "
			+ "name the audience (or Cognito app client id) the tokens must be for";

	static final String OPEN = "petclinic.auth is none: the API is open, anyone who can reach it may read and change "
			+ "every owner, pet, vet and specialty; configure JWT validation before it serves anyone but you";

	private static final Logger logger = LoggerFactory.getLogger(TokenValidationCheck.class);

	private final Environment environment;

	TokenValidationCheck(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (AuthMode.of(this.environment) == AuthMode.NONE) {
			logger.warn(OPEN);
			return;
		}
		// Spring Boot defines a JwtDecoder when one of its jwt properties is set; so may
		// the
		// application. Matched by type, without making any bean.
		if (beanFactory.getBeanNamesForType(JwtDecoder.class, true, false).length == 0) {
			throw new AuthConfigurationException(NO_DECODER);
		}
		List<String> audiences = Binder.get(this.environment)
			.bindOrCreate(AuthMode.PROPERTY, AuthProperties.class)
			.audiences();
		if (audiences.isEmpty()) {
			throw new AuthConfigurationException(NO_AUDIENCE);
		}
	}

}
