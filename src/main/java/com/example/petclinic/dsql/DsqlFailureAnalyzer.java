package com.example.petclinic.dsql;

import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.sql.SQLException;
import java.util.Locale;

import javax.net.ssl.SSLException;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Turns a failed start on DSQL into one line that says what is wrong: a setting, missing
 * AWS credentials, a failed TLS handshake, or a refused login and the IAM action it
 * needs. The long stack trace stays in the log at debug level.
 */
class DsqlFailureAnalyzer implements FailureAnalyzer {

	private final Environment environment;

	DsqlFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		DsqlConfigurationException misconfiguration = find(failure, DsqlConfigurationException.class);
		if (misconfiguration != null) {
			return new FailureAnalysis(misconfiguration.getMessage(),
					"Correct the setting named above; the README's configuration table lists them all.",
					misconfiguration);
		}
		String endpoint = this.environment.getProperty(OnDsqlEndpointCondition.PROPERTY);
		if (!StringUtils.hasText(endpoint)) {
			return null;
		}
		String user = this.environment.getProperty("petclinic.dsql.user", DsqlTokenGenerator.ADMIN);
		MissingAwsCredentialsException noCredentials = find(failure, MissingAwsCredentialsException.class);
		if (noCredentials != null) {
			return new FailureAnalysis(noCredentials.getMessage(), """
					Give the service AWS credentials through the default chain: the variables AWS_ACCESS_KEY_ID and \
					AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), a profile (AWS_PROFILE), or a container or \
					instance role.""", noCredentials);
		}
		Throwable tls = findTls(failure);
		if (tls != null) {
			return new FailureAnalysis(
					"TLS handshake with %s:%d failed: %s".formatted(endpoint, DsqlConfiguration.PORT, tls.getMessage()),
					"""
							Aurora DSQL accepts only TLS with direct negotiation. Check that CLUSTER_ENDPOINT is \
							the cluster's endpoint and that the JVM's trust store holds Amazon Root CA 1 (Java's \
							default trust store does).""", tls);
		}
		SQLException accessDenied = findAccessDenied(failure);
		if (accessDenied != null) {
			return new FailureAnalysis(
					"Access denied for database user '%s' at %s: the IAM identity signing its tokens needs %s on the cluster"
						.formatted(user, endpoint, DsqlTokenGenerator.iamActionFor(user)),
					actionForAccessDenied(user), accessDenied);
		}
		UnknownHostException unknownHost = find(failure, UnknownHostException.class);
		if (unknownHost != null) {
			return new FailureAnalysis("CLUSTER_ENDPOINT %s is not a known host name".formatted(endpoint),
					"Check the endpoint on the cluster's page in the Aurora DSQL console, and the network's DNS.",
					unknownHost);
		}
		return null;
	}

	private static String actionForAccessDenied(String user) {
		if (DsqlTokenGenerator.ADMIN.equals(user)) {
			return "Allow dsql:DbConnectAdmin on the cluster's ARN in the policy of the identity the service runs "
					+ "as, and check that its credentials are for the cluster's account.";
		}
		return ("Allow dsql:DbConnect on the cluster's ARN in the policy of the IAM role the service runs as, and "
				+ "link the role to the database role as admin: AWS IAM GRANT %s TO '<role arn>';")
			.formatted(user);
	}

	private static @Nullable Throwable findTls(Throwable failure) {
		Throwable tls = find(failure, SSLException.class);
		return (tls != null) ? tls : find(failure, CertificateException.class);
	}

	/**
	 * PostgreSQL reports a refused login with SQLSTATE class 28; DSQL says "access
	 * denied".
	 */
	private static @Nullable SQLException findAccessDenied(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && ((sql.getSQLState() != null && sql.getSQLState().startsWith("28"))
					|| String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT).contains("access denied"))) {
				return sql;
			}
		}
		return null;
	}

	private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
