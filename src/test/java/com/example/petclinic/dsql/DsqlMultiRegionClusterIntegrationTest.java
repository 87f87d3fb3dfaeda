package com.example.petclinic.dsql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import com.example.petclinic.PetClinicApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

import org.springframework.boot.SpringApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real multi-Region cluster: {@code CLUSTER_ENDPOINT} and
 * {@code CLUSTER_ENDPOINT_SECONDARY} are two peered clusters' endpoints (and AWS
 * credentials are at hand); skipped otherwise. Like the AWS multi-Region sample's
 * failover test, the sample's workflow runs while the primary cannot be reached, on the
 * peer alone. Creates and drops the sample's tables.
 */
@EnabledIfEnvironmentVariable(named = "CLUSTER_ENDPOINT", matches = ".+",
		disabledReason = "set CLUSTER_ENDPOINT and CLUSTER_ENDPOINT_SECONDARY to test on a multi-Region cluster")
@EnabledIfEnvironmentVariable(named = "CLUSTER_ENDPOINT_SECONDARY", matches = ".+",
		disabledReason = "set CLUSTER_ENDPOINT_SECONDARY (and CLUSTER_ENDPOINT) to test on a multi-Region cluster")
class DsqlMultiRegionClusterIntegrationTest {

	@Test
	void bothEndpointsAreOneDatabaseEachWithTokensOfItsOwn() throws SQLException {
		DsqlEndpoint primary = DsqlEndpoint.of(System.getenv("CLUSTER_ENDPOINT"), null);
		DsqlEndpoint secondary = DsqlEndpoint.of(System.getenv("CLUSTER_ENDPOINT_SECONDARY"), null);
		AwsDsqlTokenGenerator tokens = new AwsDsqlTokenGenerator(primary, DefaultCredentialsProvider.builder().build());
		String table = "petclinic_peers_" + UUID.randomUUID().toString().replace("-", "");
		try (DsqlTokenDataSource here = pool(primary, tokens); DsqlTokenDataSource there = pool(secondary, tokens)) {
			execute(here, "CREATE TABLE " + table + " (id int PRIMARY KEY)");
			try {
				execute(here, "INSERT INTO " + table + " VALUES (1)");
				assertThat(count(there, table)).isOne();
			}
			finally {
				execute(there, "DROP TABLE " + table);
			}
		}
	}

	/**
	 * The primary is an endpoint no one answers at (a cluster that does not exist in the
	 * primary's Region): the service starts, migrates and runs the sample on the peer.
	 */
	@Test
	void theSampleWorkflowRunsOnThePeerWhileThePrimaryCannotBeReached() {
		String region = DsqlEndpoint.of(System.getenv("CLUSTER_ENDPOINT"), null).region();
		String unreachable = "--petclinic.dsql.endpoint=aaaaaaaaaaaaaaaaaaaaaaaaaa.dsql." + region + ".on.aws";
		for (String command : new String[] { "migrate-up", "sample", "migrate-down" }) {
			SpringApplication.run(PetClinicApplication.class, command, unreachable).close();
		}
	}

	private static DsqlTokenDataSource pool(DsqlEndpoint endpoint, AwsDsqlTokenGenerator tokens) {
		DsqlProperties properties = new DsqlProperties(endpoint.host(), DsqlTokenGenerator.ADMIN, null, "myschema",
				Duration.ofMinutes(15), null, null);
		return DsqlConfiguration.newDataSource(properties, tokens.forEndpoint(endpoint),
				DsqlConfiguration.jdbcUrl(endpoint));
	}

	private static void execute(DsqlTokenDataSource pool, String sql) throws SQLException {
		try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static int count(DsqlTokenDataSource pool, String table) throws SQLException {
		try (Connection connection = pool.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table)) {
			result.next();
			return result.getInt(1);
		}
	}

}
