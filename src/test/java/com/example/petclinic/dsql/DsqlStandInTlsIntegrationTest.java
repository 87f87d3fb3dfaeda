package com.example.petclinic.dsql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLHandshakeException;

import com.example.petclinic.test.DsqlStandIn;
import com.example.petclinic.test.OnDsqlStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The DSQL data source talks to a cluster only over TLS, negotiated directly, with a
 * certificate it verified for the cluster endpoint's name: shown on the
 * {@link DsqlStandIn}, whose certificate comes from an authority this test trusts and the
 * JVM's own trust store does not.
 */
@OnDsqlStandIn
class DsqlStandInTlsIntegrationTest {

	private final List<DsqlTokenDataSource> pools = new ArrayList<>();

	@AfterEach
	void closePools() {
		this.pools.forEach(DsqlTokenDataSource::close);
	}

	@Test
	void theClusterEndpointIsReachedOverTls() throws SQLException {
		try (Connection connection = pool(DsqlStandIn.instance().endpoint()).getConnection();
				Statement statement = connection.createStatement();
				ResultSet session = statement
					.executeQuery("SELECT ssl, version, cipher FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
			assertThat(session.next()).isTrue();
			assertThat(session.getBoolean("ssl"))
				.as("TLS of the server's session (%s, %s)", session.getString("version"), session.getString("cipher"))
				.isTrue();
		}
	}

	@Test
	void tlsIsNegotiatedDirectlyWithoutAPlainTextRequestFirst() throws SQLException {
		int notOpenedWithTls = DsqlStandIn.instance().connectionsNotOpenedWithTls();
		pool(DsqlStandIn.instance().endpoint()).getConnection().close();
		assertThat(DsqlStandIn.instance().connectionsNotOpenedWithTls()).isEqualTo(notOpenedWithTls);
	}

	@Test
	void aCertificateForAnotherHostNameIsRefused() {
		String otherHost = DsqlStandIn.instance().hostNameNotInItsCertificate();
		Throwable failure = catchThrowable(() -> pool(otherHost).getConnection().close());
		assertThat(failure).isInstanceOf(SQLException.class)
			.hasMessageContaining("The hostname %s could not be verified", otherHost);
	}

	@Test
	void aCertificateFromAnAuthorityTheJvmDoesNotTrustIsRefused() {
		List<Throwable> failures = new ArrayList<>();
		DsqlStandIn.withTheJvmsOwnTrust(() -> failures
			.add(catchThrowable(() -> pool(DsqlStandIn.instance().endpoint()).getConnection().close())));
		assertThat(failures.getFirst()).isInstanceOf(SQLException.class)
			.hasCauseInstanceOf(SSLHandshakeException.class)
			.hasMessageContaining("PKIX path building failed");
	}

	private DsqlTokenDataSource pool(String host) {
		DsqlEndpoint endpoint = DsqlEndpoint.of(host, null);
		DsqlProperties properties = new DsqlProperties(host, DsqlStandIn.ADMIN, null, DsqlStandIn.NON_ADMIN_SCHEMA,
				Duration.ofMinutes(15), null, null);
		DsqlTokenDataSource pool = DsqlConfiguration.newDataSource(properties,
				new RotatingPasswordTokens(DsqlStandIn.instance().superuser()), DsqlConfiguration.jdbcUrl(endpoint));
		this.pools.add(pool);
		return pool;
	}

}
