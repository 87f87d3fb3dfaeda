package com.example.petclinic.security;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * How callers are authenticated: {@code petclinic.auth} ({@code PETCLINIC_AUTH}).
 */
public enum AuthMode {

	/**
	 * Every API call needs a valid JWT access token with the scope it needs; the default.
	 */
	JWT,

	/** Nobody is authenticated and everything is allowed: the API is open. */
	NONE;

	static final String PROPERTY = "petclinic.auth";

	/**
	 * The mode the environment sets, {@link #JWT} when it sets none; a value that is
	 * neither {@code jwt} nor {@code none} fails the start.
	 */
	static AuthMode of(Environment environment) {
		return Binder.get(environment).bind(PROPERTY, AuthMode.class).orElse(JWT);
	}

}
