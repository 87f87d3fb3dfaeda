package com.example.petclinic.dsql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.example.petclinic.test.PasswordAuthPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The pool behaviours of the AWS sample, and the token per new connection, on a local
 * PostgreSQL where each token becomes the role's only password until it expires (see
 * {@link RotatingPasswordTokens}). A backend process id stands for DSQL's session id.
 */
class DsqlTokenDataSourceIntegrationTest {

	private static final String USER = "dsql_pool_user";

	private static final String URL = PasswordAuthPostgres.jdbcUrl("postgres");

	private final RotatingPasswordTokens tokens = new RotatingPasswordTokens();

	private final List<DsqlTokenDataSource> pools = new ArrayList<>();

	@BeforeAll
	static void createRole() {
		PasswordAuthPostgres.execute("DROP ROLE IF EXISTS " + USER, "CREATE ROLE " + USER + " LOGIN");
	}

	@AfterEach
	void closePools() {
		this.pools.forEach(DsqlTokenDataSource::close);
	}

	@Test
	void eachNewConnectionLogsInWithAFreshTokenAndABorrowedOneWithNone() throws SQLException {
		DsqlTokenDataSource pool = pool(Duration.ofMinutes(15), 0, 2);
		long firstBackend;
		try (Connection first = pool.getConnection()) {
			firstBackend = backend(first);
		}
		int tokensAfterFirst = this.tokens.count();
		String firstToken = this.tokens.latest();
		try (Connection borrowed = pool.getConnection()) {
			assertThat(backend(borrowed)).isEqualTo(firstBackend);
			assertThat(this.tokens.count()).isEqualTo(tokensAfterFirst);
			try (Connection second = pool.getConnection()) {
				assertThat(backend(second)).isNotEqualTo(firstBackend);
				assertThat(this.tokens.count()).isEqualTo(tokensAfterFirst + 1);
			}
		}
		assertThatExceptionOfType(SQLException.class).as("the first token no longer logs in")
			.isThrownBy(() -> DriverManager.getConnection(URL, USER, firstToken).close());
	}

	@Test
	void selectOneRunsThroughThePool() throws SQLException {
		try (Connection connection = pool(Duration.ofMinutes(15), 2, 5).getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT 1")) {
			assertThat(result.next()).isTrue();
			assertThat(result.getInt(1)).isEqualTo(1);
		}
	}

	@Test
	void tenConcurrentSessionsAreTenDistinctBackends() throws Exception {
		DsqlTokenDataSource pool = pool(Duration.ofMinutes(15), 0, 10);

		assertThat(ConcurrentSessions.distinctIds(pool, 10, "SELECT pg_backend_pid()")).hasSize(10);
	}

	@Test
	void aConnectionPastItsMaxLifetimeIsReplacedByANewBackendWithAFreshToken() throws Exception {
		DsqlTokenDataSource pool = pool(Duration.ofMinutes(15), 0, 1);
		long before = Long.parseLong(ConcurrentSessions.openShortLivedSession(pool, 1000, "SELECT pg_backend_pid()"));
		int tokensBefore = this.tokens.count();
		Thread.sleep(2000);
		try (Connection connection = pool.getConnection()) {
			assertThat(backend(connection)).isNotEqualTo(before);
		}
		assertThat(this.tokens.count()).isEqualTo(tokensBefore + 1);
	}

	@Test
	void anOpenConnectionOutlivesItsToken() throws Exception {
		DsqlTokenDataSource pool = pool(Duration.ofSeconds(1), 0, 1);
		try (Connection connection = pool.getConnection()) {
			String token = this.tokens.latest();
			Thread.sleep(1500);
			assertThatExceptionOfType(SQLException.class).as("the token has expired")
				.isThrownBy(() -> DriverManager.getConnection(URL, USER, token).close());
			try (Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("SELECT 1")) {
				assertThat(result.next()).isTrue();
			}
		}
	}

	@Test
	void aLazilyOpenedFirstConnectionGetsItsTokenWhenItOpens() throws Exception {
		DsqlTokenDataSource pool = pool(Duration.ofSeconds(1), 0, 1);
		pool.getConnection().close();
		pool.getHikariPoolMXBean().softEvictConnections();
		String tokenOfThePoolStart = this.tokens.latest();
		Thread.sleep(1500);
		assertThatExceptionOfType(SQLException.class).as("the token of the pool's start has expired")
			.isThrownBy(() -> DriverManager.getConnection(URL, USER, tokenOfThePoolStart).close());
		try (Connection connection = pool.getConnection()) {
			assertThat(backend(connection)).isPositive();
		}
	}

	private DsqlTokenDataSource pool(Duration tokenLifetime, int minimumIdle, int maximumSize) {
		DsqlProperties properties = new DsqlProperties("unused.dsql.us-east-1.on.aws", USER, null, "public",
				tokenLifetime, null, null);
		DsqlTokenDataSource pool = ConcurrentSessions.started(
				DsqlConfiguration.newDataSource(properties, this.tokens, URL), tokenLifetime, minimumIdle, maximumSize);
		this.pools.add(pool);
		return pool;
	}

	private static long backend(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
			result.next();
			return result.getLong(1);
		}
	}

}
