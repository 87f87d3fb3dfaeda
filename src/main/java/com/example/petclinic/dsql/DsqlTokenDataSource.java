package com.example.petclinic.dsql;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.Credentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;

/**
 * A HikariCP pool whose every new physical connection logs in with a freshly signed IAM
 * auth token: the first, those opened lazily later, and the replacements of connections
 * that reached the pool's max lifetime. A borrowed connection is already logged in and
 * costs no token. Tokens are only checked when a connection opens, so an open connection
 * outlives its token.
 * <p>
 * HikariCP 6 and later read {@link #getCredentials()} for each new connection (never an
 * overridden {@code getPassword()}), so that is the method overridden here.
 */
public class DsqlTokenDataSource extends HikariDataSource implements InitializingBean {

	/** Aurora DSQL closes every connection after 60 minutes. */
	static final Duration DSQL_CONNECTION_LIMIT = Duration.ofMinutes(60);

	/** The longest an auth token can be valid. */
	static final Duration LONGEST_TOKEN_LIFETIME = Duration.ofDays(7);

	private static final Logger logger = LoggerFactory.getLogger(DsqlTokenDataSource.class);

	private final DsqlTokenGenerator tokens;

	private final Duration tokenLifetime;

	public DsqlTokenDataSource(DsqlTokenGenerator tokens, Duration tokenLifetime) {
		this.tokens = tokens;
		this.tokenLifetime = tokenLifetime;
	}

	@Override
	public Credentials getCredentials() {
		String user = getUsername();
		String token = this.tokens.generateToken(user, this.tokenLifetime);
		logger.debug("Signed a new auth token for database user '{}', valid for {}", user, this.tokenLifetime);
		return Credentials.of(user, token);
	}

	public Duration getTokenLifetime() {
		return this.tokenLifetime;
	}

	/**
	 * Refuses settings under which connections would fail on DSQL.
	 * @throws DsqlConfigurationException naming the setting to change
	 */
	@Override
	public void afterPropertiesSet() {
		Duration maxLifetime = Duration.ofMillis(getMaxLifetime());
		if (maxLifetime.isZero() || maxLifetime.compareTo(DSQL_CONNECTION_LIMIT) >= 0) {
			throw new DsqlConfigurationException(("spring.datasource.hikari.max-lifetime is %s, but Aurora DSQL closes "
					+ "connections after 60 minutes: set it below, in milliseconds, like 3300000 (55 min)")
				.formatted(maxLifetime.isZero() ? "unlimited (0)" : describe(maxLifetime)));
		}
		Duration connectionTimeout = Duration.ofMillis(getConnectionTimeout());
		if (this.tokenLifetime.compareTo(connectionTimeout) < 0) {
			throw new DsqlConfigurationException(("petclinic.dsql.token-lifetime (%s) is shorter than "
					+ "spring.datasource.hikari.connection-timeout (%s): a token could expire while its connection "
					+ "opens; make the token lifetime longer, like 15m")
				.formatted(describe(this.tokenLifetime), describe(connectionTimeout)));
		}
		if (this.tokenLifetime.compareTo(LONGEST_TOKEN_LIFETIME) > 0) {
			throw new DsqlConfigurationException("petclinic.dsql.token-lifetime (%s) is longer than the 7 days a token "
				.formatted(describe(this.tokenLifetime)) + "can be valid: make it shorter, like 15m");
		}
	}

	private static String describe(Duration duration) {
		if (duration.toMillis() % 60_000 == 0) {
			return duration.toMinutes() + " min";
		}
		return (duration.toMillis() % 1000 == 0) ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
	}

}
