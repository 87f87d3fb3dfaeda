package com.example.petclinic.dsql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.example.petclinic.PetClinicApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

import org.springframework.boot.SpringApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS sample's pool behaviours and its workflow on a real cluster, as the user
 * {@code CLUSTER_USER} (default admin): run once as admin and once as a non-admin role.
 * Needs {@code CLUSTER_ENDPOINT} (and {@code REGION} where the endpoint does not tell it)
 * and AWS credentials; skipped otherwise. Creates and drops the sample's tables.
 */
@EnabledIfEnvironmentVariable(named = "CLUSTER_ENDPOINT", matches = ".+",
		disabledReason = "set CLUSTER_ENDPOINT (and CLUSTER_USER, REGION) to test on an Aurora DSQL cluster")
class DsqlClusterIntegrationTest {

	private static final String SESSION_ID = "SELECT sys.current_session_id()";

	private final List<DsqlTokenDataSource> pools = new ArrayList<>();

	@AfterEach
	void closePools() {
		this.pools.forEach(DsqlTokenDataSource::close);
	}

	@Test
	void selectOneRunsThroughThePool() throws SQLException {
		try (Connection connection = pool(Duration.ofMinutes(15), 2, 5).getConnection()) {
			assertThat(query(connection, "SELECT 1")).isEqualTo("1");
		}
	}

	@Test
	void tenConcurrentSessionsAreTenDistinctSessions() throws Exception {
		DsqlTokenDataSource pool = pool(Duration.ofMinutes(15), 0, 10);

		assertThat(ConcurrentSessions.distinctIds(pool, 10, SESSION_ID)).hasSize(10);
	}

	@Test
	void aConnectionPastItsMaxLifetimeIsReplacedByANewSession() throws Exception {
		DsqlTokenDataSource pool = pool(Duration.ofMinutes(15), 0, 1);
		String before = ConcurrentSessions.openShortLivedSession(pool, 2000, SESSION_ID);
		Thread.sleep(4000);
		try (Connection connection = pool.getConnection()) {
			assertThat(query(connection, SESSION_ID)).isNotEqualTo(before);
		}
	}

	@Test
	void anOpenConnectionOutlivesItsToken() throws Exception {
		try (Connection connection = pool(Duration.ofSeconds(2), 0, 1).getConnection()) {
			Thread.sleep(4000);
			assertThat(query(connection, "SELECT 1")).isEqualTo("1");
		}
	}

	@Test
	void aLazilyOpenedFirstConnectionGetsItsTokenWhenItOpens() throws Exception {
		DsqlTokenDataSource pool = pool(Duration.ofSeconds(2), 0, 1);
		pool.getConnection().close();
		pool.getHikariPoolMXBean().softEvictConnections();
		Thread.sleep(4000);
		try (Connection connection = pool.getConnection()) {
			assertThat(query(connection, "SELECT 1")).isEqualTo("1");
		}
	}

	/**
	 * The sample's scripts in order; {@code sample} throws when one of its checks fails.
	 */
	@Test
	void theSampleWorkflowRunsOnTheCluster() {
		for (String command : new String[] { "migrate-up", "sample", "migrate-down" }) {
			SpringApplication.run(PetClinicApplication.class, command).close();
		}
	}

	private DsqlTokenDataSource pool(Duration tokenLifetime, int minimumIdle, int maximumSize) {
		DsqlProperties properties = new DsqlProperties(System.getenv("CLUSTER_ENDPOINT"),
				(System.getenv("CLUSTER_USER") != null) ? System.getenv("CLUSTER_USER") : DsqlTokenGenerator.ADMIN,
				System.getenv("REGION"), "myschema", tokenLifetime, null, null);
		DsqlEndpoint endpoint = DsqlEndpoint.of(System.getenv("CLUSTER_ENDPOINT"), properties.region());
		DsqlTokenDataSource pool = ConcurrentSessions.started(DsqlConfiguration.newDataSource(properties,
				new AwsDsqlTokenGenerator(endpoint, DefaultCredentialsProvider.builder().build()),
				DsqlConfiguration.jdbcUrl(endpoint)), tokenLifetime, minimumIdle, maximumSize);
		this.pools.add(pool);
		return pool;
	}

	private static String query(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

}
