package com.example.petclinic.security;

import java.util.Map;
import java.util.UUID;

import com.example.petclinic.test.ClinicApi;
import com.example.petclinic.test.JwkSetServer;
import com.example.petclinic.test.TokenIssuer;

import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The service as the security tests run it: tokens required ({@code petclinic.auth=jwt}),
 * keys from the {@link TokenIssuer}'s JWK set served on loopback, its issuer and audience
 * expected; and the data every test starts from, made through the API with a write token.
 * The tests that extend it (each a {@code @PetClinicIntegrationTest}, whose {@code @Sql}
 * a superclass would not pass on) share one running service.
 */
abstract class SecuredApiIntegrationTest {

	static final TokenIssuer ISSUER = TokenIssuer.withNewKey();

	private static final JwkSetServer JWKS = JwkSetServer.start(ISSUER);

	/**
	 * Spring Boot's own properties: the JWK set and the issuer (checked against
	 * {@code iss}, without discovery, since the JWK set is given), and the service's
	 * audiences. These take precedence over the open mode of
	 * {@code @PetClinicIntegrationTest}.
	 */
	@DynamicPropertySource
	static void tokensRequired(DynamicPropertyRegistry registry) {
		registry.add("petclinic.auth", () -> "jwt");
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", JWKS::jwkSetUri);
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TokenIssuer.ISSUER);
		registry.add("petclinic.auth.audiences", () -> TokenIssuer.AUDIENCE);
	}

	static String bearer(String token) {
		return "Bearer " + token;
	}

	static RestTestClient as(RestTestClient http, String token) {
		return http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, bearer(token)).build();
	}

	/**
	 * John Doe with Pet1, Mary Major without pets, the specialties Exotic (Akua Mansa's)
	 * and Dogs (nobody's), the vet Akua Mansa: every endpoint has something to act on,
	 * and every change can succeed. The ids by name, for paths.
	 */
	static Map<String, String> createClinic(RestTestClient http) {
		ClinicApi writer = new ClinicApi(as(http, ISSUER.token("petclinic.write").sign()));
		UUID john = writer.createOwner("John Doe", "New York");
		UUID mary = writer.createOwner("Mary Major", "Anytown");
		UUID pet1 = writer.addPet(john, "Pet1", "2006-10-25");
		writer.createSpecialty("Exotic");
		writer.createSpecialty("Dogs");
		UUID akua = writer.createVet("Akua Mansa", "Exotic");
		return Map.of("john", john.toString(), "mary", mary.toString(), "pet1", pet1.toString(), "akua",
				akua.toString());
	}

}
