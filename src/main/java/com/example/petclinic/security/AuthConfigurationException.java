package com.example.petclinic.security;

/**
 * The service is asked to authenticate callers but cannot: it refuses to start, with this
 * message under {@code APPLICATION FAILED TO START} ({@link AuthFailureAnalyzer}).
 */
class AuthConfigurationException extends RuntimeException {

	AuthConfigurationException(String message) {
		super(message);
	}

}
