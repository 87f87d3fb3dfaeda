package com.example.petclinic.dsql;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Settings under which connections would fail on DSQL are refused at start.
 */
class DsqlTokenDataSourceUnitTest {

	@Test
	void theDefaultsAreAccepted() {
		assertThatNoException().isThrownBy(() -> dataSource(Duration.ofMinutes(15)).afterPropertiesSet());
	}

	@Test
	void aMaxLifetimeOf60MinutesIsRefused() {
		DsqlTokenDataSource dataSource = dataSource(Duration.ofMinutes(15));
		dataSource.setMaxLifetime(Duration.ofMinutes(60).toMillis());
		assertThatExceptionOfType(DsqlConfigurationException.class).isThrownBy(dataSource::afterPropertiesSet)
			.withMessage("spring.datasource.hikari.max-lifetime is 60 min, but Aurora DSQL closes connections after "
					+ "60 minutes: set it below, in milliseconds, like 3300000 (55 min)");
	}

	@Test
	void anUnlimitedMaxLifetimeIsRefused() {
		DsqlTokenDataSource dataSource = dataSource(Duration.ofMinutes(15));
		dataSource.setMaxLifetime(0);
		assertThatExceptionOfType(DsqlConfigurationException.class).isThrownBy(dataSource::afterPropertiesSet)
			.withMessageStartingWith("spring.datasource.hikari.max-lifetime is unlimited (0), but Aurora DSQL");
	}

	@Test
	void aTokenLifetimeShorterThanTheConnectionTimeoutIsRefused() {
		assertThatExceptionOfType(DsqlConfigurationException.class)
			.isThrownBy(() -> dataSource(Duration.ofSeconds(2)).afterPropertiesSet())
			.withMessage(
					"petclinic.dsql.token-lifetime (2 s) is shorter than spring.datasource.hikari.connection-timeout "
							+ "(3 s): a token could expire while its connection opens; make the token lifetime longer, like 15m");
	}

	@Test
	void aTokenLifetimeOverAWeekIsRefused() {
		assertThatExceptionOfType(DsqlConfigurationException.class)
			.isThrownBy(() -> dataSource(Duration.ofDays(8)).afterPropertiesSet())
			.withMessageStartingWith("petclinic.dsql.token-lifetime (11520 min) is longer than the 7 days");
	}

	private static DsqlTokenDataSource dataSource(Duration tokenLifetime) {
		DsqlProperties properties = new DsqlProperties("abc.dsql.us-east-1.on.aws", "admin", null, "myschema",
				tokenLifetime, null, null);
		return DsqlConfiguration.newDataSource(properties, (user, lifetime) -> "token",
				DsqlConfiguration.jdbcUrl(DsqlEndpoint.of("abc.dsql.us-east-1.on.aws", null)));
	}

}
