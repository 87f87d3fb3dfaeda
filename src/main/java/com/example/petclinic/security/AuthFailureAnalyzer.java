package com.example.petclinic.security;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a start refused for want of token validation in one line, with what to set.
 */
class AuthFailureAnalyzer extends AbstractFailureAnalyzer<AuthConfigurationException> {

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, AuthConfigurationException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"""
						Point the service at the issuer of its access tokens (see the README's Authentication section), \
						for Amazon Cognito: spring.security.oauth2.resourceserver.jwt.issuer-uri=\
						https://cognito-idp.<region>.amazonaws.com/<user pool id> and petclinic.auth.audiences=<app client id>. \
						Only where nothing but you can reach the service, PETCLINIC_AUTH=none serves the API open.""",
				cause);
	}

}
