package com.example.petclinic.dsql;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tokens signed offline with static credentials: a presigned URL of the endpoint.
 */
class AwsDsqlTokenGeneratorUnitTest {

	private static final DsqlEndpoint ENDPOINT = DsqlEndpoint.of("abcdefghijklmnopqrstuvwxyz.dsql.us-east-1.on.aws",
			null);

	private final AwsDsqlTokenGenerator generator = new AwsDsqlTokenGenerator(ENDPOINT,
			StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "example-secret")));

	@Test
	void adminGetsADbConnectAdminTokenForTheEndpoint() {
		String token = this.generator.generateToken("admin", Duration.ofMinutes(15));
		assertThat(token).startsWith("abcdefghijklmnopqrstuvwxyz.dsql.us-east-1.on.aws/?Action=DbConnectAdmin&")
			.contains("X-Amz-Expires=900")
			.contains("X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F")
			.contains("%2Fus-east-1%2Fdsql%2Faws4_request")
			.contains("X-Amz-Signature=");
	}

	@Test
	void otherUsersGetADbConnectTokenWithTheRequestedExpiry() {
		String token = this.generator.generateToken("app", Duration.ofSeconds(30));
		assertThat(token).startsWith("abcdefghijklmnopqrstuvwxyz.dsql.us-east-1.on.aws/?Action=DbConnect&")
			.contains("X-Amz-Expires=30");
	}

	@Test
	void anotherEndpointOfTheDatabaseGetsTokensSignedForItsOwnHostAndRegion() {
		DsqlEndpoint peer = DsqlEndpoint.of("zyxwvutsrqponmlkjihgfedcba.dsql.us-west-2.on.aws", null);
		String token = this.generator.forEndpoint(peer).generateToken("admin", Duration.ofMinutes(15));
		assertThat(token).startsWith("zyxwvutsrqponmlkjihgfedcba.dsql.us-west-2.on.aws/?Action=DbConnectAdmin&")
			.contains("%2Fus-west-2%2Fdsql%2Faws4_request");
	}

	@Test
	void everyTokenIsSignedAnew() throws InterruptedException {
		String first = this.generator.generateToken("app", Duration.ofMinutes(15));
		Thread.sleep(1100);
		assertThat(this.generator.generateToken("app", Duration.ofMinutes(15))).isNotEqualTo(first);
	}

	@Test
	void noCredentialsIsReportedWithTheUserAndTheEndpoint() {
		AwsDsqlTokenGenerator withoutCredentials = new AwsDsqlTokenGenerator(ENDPOINT, NoAwsCredentials.provider());
		assertThatExceptionOfType(MissingAwsCredentialsException.class)
			.isThrownBy(() -> withoutCredentials.generateToken("admin", Duration.ofMinutes(15)))
			.withMessageStartingWith(
					"No AWS credentials to sign the auth token of database user 'admin' for abcdefghijklmnopqrstuvwxyz.dsql.us-east-1.on.aws");
	}

	@Test
	void theIamActionDependsOnTheUser() {
		assertThat(DsqlTokenGenerator.iamActionFor("admin")).isEqualTo("dsql:DbConnectAdmin");
		assertThat(DsqlTokenGenerator.iamActionFor("app")).isEqualTo("dsql:DbConnect");
	}

}
