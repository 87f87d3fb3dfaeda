package com.example.petclinic.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The issuer of the secured scenarios: a new 2048-bit RSA key (the size Amazon Cognito
 * signs with), its public key as the PEM file the service is started with
 * ({@code public-key-location}), and one long-lived RS256 access token that wrk sends on
 * every request, as one caller would: the service validates it once and remembers it
 * (bench/secured.sh measures it validated on every request too). Nothing of it is a secret worth keeping: the key lives as long as the run.
 */
final class BenchToken {

	private BenchToken() {
	}

	/**
	 * {@code issue-token --public-key= --token= --audience= --scope= --lifetime=}
	 * (seconds).
	 */
	static void issue(Arguments arguments) throws IOException, JOSEException {
		RSAKey key = new RSAKeyGenerator(2048).keyID("bench").generate();
		String pem = "-----BEGIN PUBLIC KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
					.encodeToString(key.toRSAPublicKey().getEncoded())
				+ "\n-----END PUBLIC KEY-----\n";
		Files.writeString(arguments.path("public-key"), pem);
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("https://bench.petclinic.invalid")
			.subject("bench")
			.audience(List.of(arguments.string("audience")))
			.claim("scope", arguments.string("scope"))
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plus(arguments.seconds("lifetime", 7200))))
			.build();
		SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
				claims);
		token.sign(new RSASSASigner(key));
		Files.writeString(arguments.path("token"), token.serialize());
	}

}
