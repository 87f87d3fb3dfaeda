/**
 * Only the callers the service allows: an OAuth 2.0 resource server that validates JWT
 * access tokens (from Amazon Cognito or any OpenID Connect issuer) and separates reading
 * from writing by scopes. Refuses to start without token validation unless told that the
 * API is open ({@code petclinic.auth=none}); answers a missing or invalid token with
 * {@code 401} and a missing scope with {@code 403}, both as problems; keeps no session;
 * sends Spring Security's default headers; allows cross-origin calls only from the
 * origins configured.
 */
@NullMarked
package com.example.petclinic.security;

import org.jspecify.annotations.NullMarked;
