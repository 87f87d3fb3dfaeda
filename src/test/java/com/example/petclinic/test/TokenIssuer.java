package com.example.petclinic.test;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * An issuer of JWT access tokens made here, with an RSA key of its own: the identity
 * provider of the security tests. Its public key is served as a JWK set
 * ({@link #jwkSet()}) or a PEM file ({@link #publicKeyPem()}); its tokens are good by
 * default and made bad one claim at a time.
 */
public final class TokenIssuer {

	/** The issuer ({@code iss}) of the tokens, as the service is told to expect it. */
	public static final String ISSUER = "https://issuer.petclinic.test";

	/** The audience the service accepts. */
	public static final String AUDIENCE = "petclinic-api";

	private static final String KEY_ID = "petclinic-test-key";

	private final RSAKey key;

	private TokenIssuer(RSAKey key) {
		this.key = key;
	}

	/** An issuer with a new 2048-bit RSA key. */
	public static TokenIssuer withNewKey() {
		try {
			return new TokenIssuer(new RSAKeyGenerator(2048).keyID(KEY_ID).generate());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The public key as the JWK set an issuer publishes at its {@code jwks_uri}. */
	public String jwkSet() {
		return new JWKSet(this.key.toPublicJWK()).toString();
	}

	/** The public key as a PEM file ({@code public-key-location}). */
	public String publicKeyPem() {
		try {
			String encoded = Base64.getMimeEncoder(64, "\n".getBytes())
				.encodeToString(this.key.toRSAPublicKey().getEncoded());
			return "-----BEGIN PUBLIC KEY-----\n" + encoded + "\n-----END PUBLIC KEY-----\n";
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A valid access token for {@link #AUDIENCE} with these scopes, for an hour. */
	public Token token(String... scopes) {
		return new Token(this.key).scope(scopes);
	}

	/**
	 * A token being made: the claims of a valid access token (issuer, audience, subject
	 * {@code alice}, issued now, valid for an hour) to change before it is signed.
	 */
	public static final class Token {

		private final RSAKey key;

		private final Map<String, Object> claims = new LinkedHashMap<>();

		private Token(RSAKey key) {
			this.key = key;
			Instant now = Instant.now();
			claim("iss", ISSUER).claim("aud", List.of(AUDIENCE))
				.claim("sub", "alice")
				.claim("jti", UUID.randomUUID().toString())
				.claim("iat", now)
				.claim("nbf", now)
				.claim("exp", now.plus(Duration.ofHours(1)));
		}

		public Token scope(String... scopes) {
			return claim("scope", String.join(" ", scopes));
		}

		/** Sets a claim; {@code null} removes it. Instants are written as seconds. */
		public Token claim(String name, Object value) {
			if (value == null) {
				this.claims.remove(name);
			}
			else {
				this.claims.put(name, (value instanceof Instant instant) ? Date.from(instant) : value);
			}
			return this;
		}

		/** Signed with the issuer's key, RS256, as the issuer signs. */
		public String sign() {
			return signWith(this.key);
		}

		/** Signed with another RSA key that claims the issuer's key id. */
		public String signWith(RSAKey other) {
			try {
				SignedJWT jwt = new SignedJWT(
						new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.key.getKeyID()).build(), claims());
				jwt.sign(new RSASSASigner(other));
				return jwt.serialize();
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}

		/** Not signed at all: {@code alg: none}. */
		public String unsigned() {
			return new PlainJWT(claims()).serialize();
		}

		/** Signed with HMAC (HS256), the issuer's public key as the secret. */
		public String signWithPublicKeyAsSecret() {
			try {
				SignedJWT jwt = new SignedJWT(
						new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(this.key.getKeyID()).build(), claims());
				jwt.sign(new MACSigner(this.key.toRSAPublicKey().getEncoded()));
				return jwt.serialize();
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private JWTClaimsSet claims() {
			JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
			this.claims.forEach(builder::claim);
			return builder.build();
		}

	}

	/** A key the issuer does not have. */
	public static RSAKey otherKey() {
		try {
			return new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
