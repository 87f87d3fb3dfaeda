package com.example.petclinic.security;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import com.example.petclinic.test.ClinicApi;
import com.example.petclinic.test.PetClinicIntegrationTest;
import com.example.petclinic.test.TokenIssuer;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient.RequestBodySpec;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import static com.example.petclinic.test.ProblemAssertions.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what, for every endpoint and method of the API: without a token, or with a
 * token that is expired, not yet valid, from another issuer, for another audience, an ID
 * token, unsigned, tampered with, signed by another key or by the wrong algorithm, the
 * answer is a {@code 401} problem with {@code WWW-Authenticate: Bearer}; a valid token
 * without the scope the request needs is a {@code 403} problem; and a refused request
 * changes nothing in the database. A read token reads, a write token reads and writes,
 * and so does a Cognito access token, which names its client in {@code client_id} instead
 * of {@code aud}. The tokens are minted here and validated by the service as from any
 * issuer: signature against the JWK set, issuer, audience, time. A token is validated
 * once for all the requests that carry it.
 */
@PetClinicIntegrationTest
class ApiAuthorizationIntegrationTest extends SecuredApiIntegrationTest {

	@Autowired
	private ClinicApi api;

	@Autowired
	private MeterRegistry meters;

	/** Every endpoint and method, each with a request that succeeds when allowed. */
	enum Endpoint {

		// @formatter:off
		LIST_OWNERS(HttpMethod.GET, "/api/owners", null, HttpStatus.OK),
		CREATE_OWNER(HttpMethod.POST, "/api/owners", "{\"name\": \"Jane Roe\", \"city\": \"Springfield\"}", HttpStatus.CREATED),
		GET_OWNER(HttpMethod.GET, "/api/owners/{mary}", null, HttpStatus.OK),
		REPLACE_OWNER(HttpMethod.PUT, "/api/owners/{mary}", "{\"name\": \"Mary Major\", \"city\": \"Boston\"}", HttpStatus.OK),
		DELETE_OWNER(HttpMethod.DELETE, "/api/owners/{mary}", null, HttpStatus.NO_CONTENT),
		LIST_OWNERS_PETS(HttpMethod.GET, "/api/owners/{john}/pets", null, HttpStatus.OK),
		ADD_PET(HttpMethod.POST, "/api/owners/{mary}/pets", "{\"name\": \"Pet3\", \"birthDate\": \"2020-01-01\"}", HttpStatus.CREATED),
		LIST_PETS(HttpMethod.GET, "/api/pets", null, HttpStatus.OK),
		GET_PET(HttpMethod.GET, "/api/pets/{pet1}", null, HttpStatus.OK),
		REPLACE_PET(HttpMethod.PUT, "/api/pets/{pet1}", "{\"name\": \"Pet1\", \"birthDate\": \"2006-10-25\", \"ownerId\": \"{mary}\"}", HttpStatus.OK),
		DELETE_PET(HttpMethod.DELETE, "/api/pets/{pet1}", null, HttpStatus.NO_CONTENT),
		LIST_SPECIALTIES(HttpMethod.GET, "/api/specialties", null, HttpStatus.OK),
		CREATE_SPECIALTY(HttpMethod.POST, "/api/specialties", "{\"name\": \"Cats\"}", HttpStatus.CREATED),
		GET_SPECIALTY(HttpMethod.GET, "/api/specialties/Exotic", null, HttpStatus.OK),
		DELETE_SPECIALTY(HttpMethod.DELETE, "/api/specialties/Dogs", null, HttpStatus.NO_CONTENT),
		LIST_VETS(HttpMethod.GET, "/api/vets", null, HttpStatus.OK),
		CREATE_VET(HttpMethod.POST, "/api/vets", "{\"name\": \"Liu Jie\", \"specialties\": [\"Exotic\"]}", HttpStatus.CREATED),
		GET_VET(HttpMethod.GET, "/api/vets/{akua}", null, HttpStatus.OK),
		REPLACE_VET(HttpMethod.PUT, "/api/vets/{akua}", "{\"name\": \"Akua Mansa\", \"specialties\": [\"Dogs\"]}", HttpStatus.OK),
		DELETE_VET(HttpMethod.DELETE, "/api/vets/{akua}", null, HttpStatus.NO_CONTENT);
		// @formatter:on

		private final HttpMethod method;

		private final String path;

		private final @Nullable String body;

		private final HttpStatus success;

		Endpoint(HttpMethod method, String path, @Nullable String body, HttpStatus success) {
			this.method = method;
			this.path = path;
			this.body = body;
			this.success = success;
		}

		boolean reads() {
			return this.method == HttpMethod.GET;
		}

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	/** What a caller sends in {@code Authorization}, and how the service must take it. */
	enum Credential {

		NO_TOKEN(Answer.NO_TOKEN, (issuer) -> null),

		READ_TOKEN(Answer.READS_ONLY, (issuer) -> issuer.token("petclinic.read").sign()),

		WRITE_TOKEN(Answer.ALLOWED, (issuer) -> issuer.token("petclinic.write").sign()),

		COGNITO_ACCESS_TOKEN(Answer.ALLOWED,
				(issuer) -> issuer.token("petclinic.read petclinic.write")
					.claim("aud", null)
					.claim("client_id", TokenIssuer.AUDIENCE)
					.claim("token_use", "access")
					.sign()),

		TOKEN_WITHOUT_SCOPES(Answer.FORBIDDEN, (issuer) -> issuer.token().claim("scope", null).sign()),

		TOKEN_WITH_OTHER_SCOPES(Answer.FORBIDDEN, (issuer) -> issuer.token("openid profile petclinic.admin").sign()),

		EXPIRED_TOKEN(Answer.INVALID,
				(issuer) -> issuer.token("petclinic.write")
					.claim("iat", ago(7200))
					.claim("nbf", ago(7200))
					.claim("exp", ago(3600))
					.sign()),

		NOT_YET_VALID_TOKEN(Answer.INVALID,
				(issuer) -> issuer.token("petclinic.write").claim("nbf", ago(-3600)).sign()),

		TOKEN_WITHOUT_EXPIRY(Answer.INVALID, (issuer) -> issuer.token("petclinic.write").claim("exp", null).sign()),

		TOKEN_OF_ANOTHER_ISSUER(Answer.INVALID,
				(issuer) -> issuer.token("petclinic.write").claim("iss", "https://evil.example").sign()),

		TOKEN_FOR_ANOTHER_AUDIENCE(Answer.INVALID,
				(issuer) -> issuer.token("petclinic.write").claim("aud", List.of("another-api")).sign()),

		TOKEN_FOR_ANOTHER_COGNITO_CLIENT(Answer.INVALID,
				(issuer) -> issuer.token("petclinic.write")
					.claim("aud", null)
					.claim("client_id", "another-app-client")
					.claim("token_use", "access")
					.sign()),

		ID_TOKEN(Answer.INVALID, (issuer) -> issuer.token("petclinic.write").claim("token_use", "id").sign()),

		UNSIGNED_TOKEN(Answer.INVALID, (issuer) -> issuer.token("petclinic.write").unsigned()),

		TAMPERED_TOKEN(Answer.INVALID, (issuer) -> tampered(issuer)),

		TOKEN_SIGNED_BY_ANOTHER_KEY(Answer.INVALID,
				(issuer) -> issuer.token("petclinic.write").signWith(TokenIssuer.otherKey())),

		TOKEN_SIGNED_WITH_THE_PUBLIC_KEY_AS_HMAC_SECRET(Answer.INVALID,
				(issuer) -> issuer.token("petclinic.write").signWithPublicKeyAsSecret()),

		NOT_A_JWT(Answer.INVALID, (issuer) -> "not-a-jwt");

		private final Answer answer;

		private final Function<TokenIssuer, @Nullable String> token;

		Credential(Answer answer, Function<TokenIssuer, @Nullable String> token) {
			this.answer = answer;
			this.token = token;
		}

		@Nullable String token() {
			return this.token.apply(ISSUER);
		}

		/**
		 * A read token's signature under a write token's claims: the signature no longer
		 * matches.
		 */
		private static String tampered(TokenIssuer issuer) {
			String[] read = issuer.token("petclinic.read").sign().split("\\.");
			String[] write = issuer.token("petclinic.write").sign().split("\\.");
			return read[0] + "." + write[1] + "." + read[2];
		}

		private static java.time.Instant ago(long seconds) {
			return java.time.Instant.now().minusSeconds(seconds);
		}

	}

	enum Answer {

		ALLOWED, READS_ONLY, FORBIDDEN, NO_TOKEN, INVALID

	}

	static Stream<Arguments> allowedRequests() {
		return combinations()
			.filter((arguments) -> allowed((Endpoint) arguments.get()[0], (Credential) arguments.get()[1]));
	}

	static Stream<Arguments> refusedRequests() {
		return combinations()
			.filter((arguments) -> !allowed((Endpoint) arguments.get()[0], (Credential) arguments.get()[1]));
	}

	private static Stream<Arguments> combinations() {
		return Arrays.stream(Endpoint.values())
			.flatMap((endpoint) -> Arrays.stream(Credential.values())
				.map((credential) -> Arguments.of(endpoint, credential)));
	}

	private static boolean allowed(Endpoint endpoint, Credential credential) {
		return credential.answer == Answer.ALLOWED || (credential.answer == Answer.READS_ONLY && endpoint.reads());
	}

	@ParameterizedTest(name = "{0} with {1}")
	@MethodSource("allowedRequests")
	void anAllowedRequestIsServed(Endpoint endpoint, Credential credential) {
		Map<String, String> ids = createClinic(this.api.http());

		send(endpoint, credential, ids).expectStatus().isEqualTo(endpoint.success);
	}

	@ParameterizedTest(name = "{0} with {1}")
	@MethodSource("refusedRequests")
	void aRefusedRequestIsAProblemAndChangesNothing(Endpoint endpoint, Credential credential) {
		Map<String, String> ids = createClinic(this.api.http());
		String before = databaseState();

		ResponseSpec response = send(endpoint, credential, ids);

		String path = resolve(endpoint.path, ids);
		switch (credential.answer) {
			case NO_TOKEN -> {
				response.expectHeader()
					.value(HttpHeaders.WWW_AUTHENTICATE, (header) -> assertThat(header).matches(
							"Bearer resource_metadata=\"http://localhost:\\d+/.well-known/oauth-protected-resource\""));
				expectProblem(response, HttpStatus.UNAUTHORIZED).jsonPath("$.detail")
					.isEqualTo(SecurityProblems.MISSING_TOKEN)
					.jsonPath("$.instance")
					.isEqualTo(path);
			}
			case INVALID -> {
				response.expectHeader()
					.value(HttpHeaders.WWW_AUTHENTICATE,
							(header) -> assertThat(header).startsWith("Bearer error=\"invalid_token\""));
				expectProblem(response, HttpStatus.UNAUTHORIZED).jsonPath("$.detail")
					.value(String.class, (detail) -> assertThat(detail).startsWith("The bearer token was refused: "))
					.jsonPath("$.instance")
					.isEqualTo(path);
			}
			default -> {
				response.expectHeader()
					.value(HttpHeaders.WWW_AUTHENTICATE,
							(header) -> assertThat(header).startsWith("Bearer error=\"insufficient_scope\""));
				expectProblem(response, HttpStatus.FORBIDDEN).jsonPath("$.detail")
					.isEqualTo("The access token does not grant this request; it needs the scope "
							+ (endpoint.reads() ? "petclinic.read or petclinic.write" : "petclinic.write"))
					.jsonPath("$.instance")
					.isEqualTo(path);
			}
		}
		response.expectHeader().exists("X-Request-Id").expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
		assertThat(databaseState()).isEqualTo(before);
	}

	@Test
	void aTokenIsValidatedOnceForAllTheRequestsThatCarryIt() {
		String token = ISSUER.token("petclinic.read").sign();
		double validated = validatedTokens();

		for (int i = 0; i < 3; i++) {
			as(this.api.http(), token).get().uri("/api/owners").exchange().expectStatus().isOk();
		}

		assertThat(validatedTokens() - validated).isEqualTo(1);
	}

	/** How many tokens the decoder validated for the cache: its loads. */
	private double validatedTokens() {
		return this.meters.get("cache.puts").tag("cache", ValidatedTokenCache.METRIC_NAME).functionCounter().count();
	}

	private ResponseSpec send(Endpoint endpoint, Credential credential, Map<String, String> ids) {
		RequestBodySpec request = this.api.http().method(endpoint.method).uri(resolve(endpoint.path, ids));
		String token = credential.token();
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, bearer(token));
		}
		if (endpoint.body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(resolve(endpoint.body, ids));
		}
		return request.exchange();
	}

	private static String resolve(String template, Map<String, String> ids) {
		String resolved = template;
		for (Map.Entry<String, String> id : ids.entrySet()) {
			resolved = resolved.replace("{" + id.getKey() + "}", id.getValue());
		}
		return resolved;
	}

	/** Every row of every table, in a fixed order. */
	private String databaseState() {
		return Stream
			.of("select * from owner order by id", "select * from pet order by id", "select * from vet order by id",
					"select * from specialty order by name", "select * from \"_SpecialtyToVet\" order by \"A\", \"B\"")
			.map((sql) -> this.api.jdbc().sql(sql).query().listOfRows().toString())
			.reduce("", String::concat);
	}

}
