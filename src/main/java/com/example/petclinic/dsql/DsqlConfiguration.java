package com.example.petclinic.dsql;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's data source when {@code CLUSTER_ENDPOINT} is set: a
 * {@link DsqlTokenDataSource} with DSQL's TLS settings and pool defaults, in place of
 * Spring Boot's {@code spring.datasource.*} one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnDsqlEndpoint
@EnableConfigurationProperties(DsqlProperties.class)
public class DsqlConfiguration {

	/** DSQL has one database. */
	static final String DATABASE = "postgres";

	static final int PORT = 5432;

	@Bean
	DsqlEndpoint dsqlEndpoint(DsqlProperties properties) {
		return DsqlEndpoint.of((properties.endpoint() != null) ? properties.endpoint() : "", properties.region());
	}

	@Bean
	@ConditionalOnMissingBean
	DsqlTokenGenerator dsqlTokenGenerator(DsqlEndpoint endpoint) {
		return new AwsDsqlTokenGenerator(endpoint, DefaultCredentialsProvider.builder().build());
	}

	/**
	 * The pool, with DSQL's defaults set here and anything under
	 * {@code spring.datasource.hikari.*} bound over them.
	 */
	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	DsqlTokenDataSource dataSource(DsqlProperties properties, DsqlEndpoint endpoint, DsqlTokenGenerator tokens,
			ObjectProvider<MeterRegistry> meterRegistry) {
		DsqlTokenGenerator timedTokens = meterRegistry.stream()
			.findFirst()
			.<DsqlTokenGenerator>map((registry) -> new TimedDsqlTokenGenerator(tokens, registry))
			.orElse(tokens);
		return newDataSource(properties, timedTokens, jdbcUrl(endpoint));
	}

	/**
	 * A pool for {@code properties}' user and schema with DSQL's defaults: connections
	 * replaced after 55 minutes (DSQL closes them at 60), 2 to 10 of them, and a borrower
	 * waits at most 5 seconds for one.
	 */
	static DsqlTokenDataSource newDataSource(DsqlProperties properties, DsqlTokenGenerator tokens, String jdbcUrl) {
		if (properties.user().isBlank()) {
			throw new DsqlConfigurationException("CLUSTER_USER (petclinic.dsql.user) is empty: set it to admin or to "
					+ "the database role linked to the service's IAM identity");
		}
		DsqlTokenDataSource dataSource = new DsqlTokenDataSource(tokens, properties.tokenLifetime());
		dataSource.setPoolName("dsql");
		dataSource.setJdbcUrl(jdbcUrl);
		dataSource.setUsername(properties.user());
		dataSource.setSchema(properties.schemaOfUser());
		dataSource.setMaximumPoolSize(10);
		dataSource.setMinimumIdle(2);
		dataSource.setConnectionTimeout(Duration.ofSeconds(5).toMillis());
		dataSource.setMaxLifetime(Duration.ofMinutes(55).toMillis());
		return dataSource;
	}

	/**
	 * TLS with full certificate and host name verification against the JVM's trust store,
	 * negotiated directly (no plain-text round trip first).
	 */
	static String jdbcUrl(DsqlEndpoint endpoint) {
		return "jdbc:postgresql://%s:%d/%s?sslmode=verify-full&sslNegotiation=direct&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory"
			.formatted(endpoint.host(), PORT, DATABASE);
	}

}
