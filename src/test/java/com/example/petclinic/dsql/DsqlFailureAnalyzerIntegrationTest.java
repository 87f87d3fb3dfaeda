package com.example.petclinic.dsql;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

import com.example.petclinic.test.PasswordAuthPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Each way a start on DSQL fails, caused for real where it can be here, reads as one
 * line.
 */
class DsqlFailureAnalyzerIntegrationTest {

	private static final String ENDPOINT = "abcdefghijklmnopqrstuvwxyz.dsql.us-east-1.on.aws";

	@BeforeAll
	static void createRole() {
		PasswordAuthPostgres.execute("DROP ROLE IF EXISTS dsql_denied",
				"CREATE ROLE dsql_denied LOGIN PASSWORD 'right'");
	}

	@Test
	void aMisconfigurationIsItsMessage() {
		Throwable failure = wrapped(catchThrowable(() -> DsqlEndpoint.of("https://" + ENDPOINT, null)));
		assertThat(analyze("admin", failure).getDescription())
			.startsWith("CLUSTER_ENDPOINT 'https://" + ENDPOINT + "' is not a host name");
	}

	@Test
	void missingCredentialsNameTheUserAndTheDefaultChain() {
		AwsDsqlTokenGenerator generator = new AwsDsqlTokenGenerator(DsqlEndpoint.of(ENDPOINT, null),
				NoAwsCredentials.provider());
		FailureAnalysis analysis = analyze("admin",
				wrapped(catchThrowable(() -> generator.generateToken("admin", Duration.ofMinutes(15)))));
		assertThat(analysis.getDescription())
			.startsWith("No AWS credentials to sign the auth token of database user 'admin' for " + ENDPOINT);
		assertThat(analysis.getAction()).contains("AWS_ACCESS_KEY_ID", "AWS_PROFILE", "instance role");
	}

	@Test
	void aFailedTlsHandshakeSaysSo() {
		// The embedded PostgreSQL has no TLS, so a direct TLS negotiation fails like one
		// with an untrusted server.
		String url = "jdbc:postgresql://127.0.0.1:%d/postgres?sslmode=verify-full&sslNegotiation=direct&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory"
			.formatted(PasswordAuthPostgres.instance().getPort());
		Throwable failure = catchThrowable(() -> DriverManager.getConnection(url, "dsql_denied", "right").close());
		assertThat(failure).isInstanceOf(SQLException.class);
		assertThat(analyze("admin", wrapped(failure)).getDescription())
			.startsWith("TLS handshake with " + ENDPOINT + ":5432 failed: ");
	}

	@Test
	void aRefusedAdminLoginNamesDbConnectAdmin() {
		assertThat(analyze("admin", wrapped(refusedLogin())).getDescription())
			.isEqualTo("Access denied for database " + "user 'admin' at " + ENDPOINT
					+ ": the IAM identity signing its tokens needs dsql:DbConnectAdmin on the cluster");
	}

	@Test
	void aRefusedLoginOfAnotherUserNamesDbConnectAndTheRoleGrant() {
		FailureAnalysis analysis = analyze("app", wrapped(refusedLogin()));
		assertThat(analysis.getDescription()).isEqualTo("Access denied for database user 'app' at " + ENDPOINT
				+ ": the IAM identity signing its tokens needs dsql:DbConnect on the cluster");
		assertThat(analysis.getAction()).contains("AWS IAM GRANT app TO '<role arn>'");
	}

	@Test
	void dsqlsOwnAccessDeniedMessageIsRecognized() {
		SQLException dsqlRefusal = new SQLException("FATAL: unable to accept connection, access denied", "08006");
		assertThat(analyze("admin", wrapped(dsqlRefusal)).getDescription()).startsWith("Access denied");
	}

	@Test
	void failuresOfDatabaseConnectionsAreLeftAloneWithoutDsql() {
		DsqlFailureAnalyzer analyzer = new DsqlFailureAnalyzer(new MockEnvironment());
		assertThat(analyzer.analyze(wrapped(refusedLogin()))).isNull();
	}

	private static SQLException refusedLogin() {
		return (SQLException) catchThrowable(
				() -> DriverManager.getConnection(PasswordAuthPostgres.jdbcUrl("postgres"), "dsql_denied", "wrong")
					.close());
	}

	private static Throwable wrapped(Throwable failure) {
		return new BeanCreationException("liquibase", "Failed to migrate", failure);
	}

	private static FailureAnalysis analyze(String user, Throwable failure) {
		MockEnvironment environment = new MockEnvironment().withProperty("petclinic.dsql.endpoint", ENDPOINT)
			.withProperty("petclinic.dsql.user", user);
		FailureAnalysis analysis = new DsqlFailureAnalyzer(environment).analyze(failure);
		assertThat(analysis).as("analysis of %s", failure).isNotNull();
		return analysis;
	}

}
