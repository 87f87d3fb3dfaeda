package com.example.petclinic.security;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What the service requires of a token beyond a valid signature, issuer and time, which
 * Spring Security checks: that it is an access token meant for this service, and that it
 * expires. Spring Boot adds it to the {@code JwtDecoder} it configures from
 * {@code spring.security.oauth2.resourceserver.jwt.*}.
 * <ul>
 * <li>Its audience is one of {@code petclinic.auth.audiences}: the {@code aud} claim, or,
 * when the token has none, {@code client_id}. Amazon Cognito's access tokens carry the
 * app client's id in {@code client_id} and have no {@code aud}; its ID tokens have
 * {@code aud}. Without this check, a token the same issuer made for any other application
 * would be accepted (RFC 8725, section 3.9).</li>
 * <li>It is not an ID token: Cognito marks its tokens with {@code token_use}, and one
 * other than {@code access} is refused. An ID token says who a user is, to the client
 * that signed them in; it grants nothing.</li>
 * <li>It has an {@code exp} claim: Spring Security accepts a token without one, which
 * would never expire.</li>
 * </ul>
 */
final class AccessTokenValidator implements OAuth2TokenValidator<Jwt> {

	static final String TOKEN_USE = "token_use";

	static final String CLIENT_ID = "client_id";

	private final List<String> audiences;

	AccessTokenValidator(List<String> audiences) {
		this.audiences = List.copyOf(audiences);
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		List<OAuth2Error> errors = new ArrayList<>();
		if (token.getExpiresAt() == null) {
			errors.add(invalid("The token has no exp claim: it would never expire"));
		}
		String tokenUse = token.getClaimAsString(TOKEN_USE);
		if (tokenUse != null && !tokenUse.equals("access")) {
			errors.add(invalid("The token is not an access token (token_use is not access)"));
		}
		if (!isForThisService(token)) {
			errors.add(invalid(
					"The token is not meant for this service (aud, or client_id, is not an accepted audience)"));
		}
		return errors.isEmpty() ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(errors);
	}

	private boolean isForThisService(Jwt token) {
		List<String> audience = token.getAudience();
		if (audience != null && !audience.isEmpty()) {
			return audience.stream().anyMatch(this.audiences::contains);
		}
		@Nullable String clientId = token.getClaimAsString(CLIENT_ID);
		return clientId != null && this.audiences.contains(clientId);
	}

	private static OAuth2Error invalid(String description) {
		return new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null);
	}

}
