package com.example.petclinic.dsql;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.example.petclinic.database.FailoverDataSource;
import com.example.petclinic.test.ClinicApi;
import com.example.petclinic.test.DsqlStandIn;
import com.example.petclinic.test.OnDsqlStandIn;
import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service started as on Aurora DSQL, with {@code CLUSTER_ENDPOINT} and
 * {@code CLUSTER_USER}, against the {@link DsqlStandIn}: once as the admin, once as the
 * non-admin role. It serves the API through the DSQL data source, over TLS, in the role's
 * schema, and every connection it opens logs in with a token of its own.
 */
@OnDsqlStandIn
@ParameterizedClass(name = "as {0}")
@ValueSource(strings = { DsqlStandIn.ADMIN, DsqlStandIn.NON_ADMIN })
class DsqlStandInServiceIntegrationTest {

	private static @Nullable ConfigurableApplicationContext service;

	@Parameter
	String user = "";

	@BeforeParameterizedClassInvocation
	static void startTheService(String user) {
		DsqlStandIn.instance().reset();
		service = DsqlStandInApplication.run(user, "--server.port=0");
	}

	@AfterParameterizedClassInvocation
	static void stopTheService() {
		service().close();
	}

	@AfterEach
	void sentNothingDsqlWouldReject() {
		DsqlStandInApplication.assertNothingDsqlWouldReject(service());
	}

	@Test
	void itConnectsThroughTheDsqlDataSourceToTheClusterEndpoint() throws Exception {
		DsqlTokenDataSource pool = (DsqlTokenDataSource) pool();
		assertThat(pool.getJdbcUrl())
			.isEqualTo(DsqlConfiguration.jdbcUrl(DsqlEndpoint.of(DsqlStandIn.instance().endpoint(), null)));
		assertThat(pool.getUsername()).isEqualTo(this.user);
		assertThat(service().getBeansOfType(DsqlTokenGenerator.class)).containsOnlyKeys("standInTokens");
	}

	@Test
	void itServesTheApi() {
		ClinicApi api = api();
		UUID owner = api.createOwner("Akira Tanaka", "Kyoto");
		api.addPet(owner, "Mochi", "2022-04-01");

		assertThat(api.getJson("/api/owners/" + owner).get("pets").get(0).get("name").asString()).isEqualTo("Mochi");
	}

	@Test
	void itWorksInTheSchemaOfItsRole() {
		api().createOwner("Mary Major", "Anytown");

		assertThat(standIn().sql("SELECT table_schema FROM information_schema.tables WHERE table_name = 'owner'")
			.query(String.class)
			.list()).containsExactly(schemaOfTheRole());
		assertThat(standIn().sql("SELECT count(*) FROM " + schemaOfTheRole() + ".owner").query(Integer.class).single())
			.isEqualTo(1);
	}

	@Test
	void everySessionOfItsRoleOnTheServerIsTls() {
		api().getJson("/api/vets");

		List<Map<String, Object>> sessions = standIn()
			.sql("SELECT s.ssl, s.version FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) WHERE a.usename = ?")
			.param(this.user)
			.query()
			.listOfRows();
		assertThat(sessions).isNotEmpty().allSatisfy((session) -> assertThat(session).containsEntry("ssl", true));
	}

	@Test
	void eachNewConnectionLogsInWithATokenOfItsOwn() throws Exception {
		RotatingPasswordTokens tokens = service().getBean(RotatingPasswordTokens.class);
		HikariDataSource pool = pool();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> pool.getHikariPoolMXBean().getTotalConnections() >= pool.getMinimumIdle());
		int tokensBefore = tokens.count();
		int connectionsBefore = DsqlStandIn.instance().connectionsAccepted();

		pool.getHikariPoolMXBean().softEvictConnections();
		api().getJson("/api/owners");

		// Only the newest token logs in, so a connection that reused one would fail.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(tokens.count() - tokensBefore).as("tokens signed")
				.isPositive()
				.isEqualTo(DsqlStandIn.instance().connectionsAccepted() - connectionsBefore));
	}

	private String schemaOfTheRole() {
		return DsqlStandIn.ADMIN.equals(this.user) ? "public" : DsqlStandIn.NON_ADMIN_SCHEMA;
	}

	private static ClinicApi api() {
		int port = ((WebServerApplicationContext) service()).getWebServer().getPort();
		return new ClinicApi(RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build());
	}

	private static JdbcClient standIn() {
		return JdbcClient.create(DsqlStandIn.instance().superuser());
	}

	private static ConfigurableApplicationContext service() {
		if (service == null) {
			throw new IllegalStateException("The service has not started");
		}
		return service;
	}

	/** The pool of the cluster endpoint, the only one here. */
	private HikariDataSource pool() throws SQLException {
		return service().getBean(DataSource.class).unwrap(FailoverDataSource.class).endpoints().active().pool();
	}

}
