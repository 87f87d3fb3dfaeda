package com.example.petclinic.dsql;

import java.time.Duration;

import java.util.ArrayList;
import java.util.List;

import com.example.petclinic.database.DatabaseEndpoint;
import com.example.petclinic.database.DatabaseEndpoints;
import com.example.petclinic.database.DatabaseProperties;
import com.example.petclinic.database.FailoverDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The service's data source when {@code CLUSTER_ENDPOINT} is set: a
 * {@link DsqlTokenDataSource} per Regional endpoint with DSQL's TLS settings and pool
 * defaults, behind a {@link FailoverDataSource}, in place of Spring Boot's
 * {@code spring.datasource.*} one.
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
	 * The endpoints' pools behind one data source: the endpoint's, and the secondary
	 * endpoint's of a multi-Region cluster when it is set (see
	 * {@link DatabaseEndpoints}). Each pool signs tokens for its own host and Region,
	 * with DSQL's defaults set here and anything under {@code spring.datasource.hikari.*}
	 * bound over them.
	 */
	@Bean
	FailoverDataSource dataSource(DsqlProperties properties, DsqlEndpoint endpoint, DsqlTokenGenerator tokens,
			DatabaseProperties databaseProperties, Environment environment, ObjectProvider<MeterRegistry> meters) {
		MeterRegistry registry = meters.getIfAvailable();
		List<DatabaseEndpoint> endpoints = new ArrayList<>();
		String secondary = properties.secondaryEndpoint();
		boolean multiRegion = secondary != null && !secondary.isBlank();
		endpoints.add(regionalEndpoint(properties, endpoint, tokens, multiRegion ? "dsql-primary" : "dsql", environment,
				registry));
		if (secondary != null && multiRegion) {
			DsqlEndpoint peer = DsqlEndpoint.of(secondary, properties.secondaryRegion());
			endpoints.add(regionalEndpoint(properties, peer, tokens.forEndpoint(peer), "dsql-secondary", environment,
					registry));
		}
		return new FailoverDataSource(new DatabaseEndpoints(endpoints, databaseProperties, registry));
	}

	private static DatabaseEndpoint regionalEndpoint(DsqlProperties properties, DsqlEndpoint endpoint,
			DsqlTokenGenerator tokens, String poolName, Environment environment, @Nullable MeterRegistry meters) {
		DsqlTokenGenerator signing = (meters != null) ? new TimedDsqlTokenGenerator(tokens, meters) : tokens;
		DsqlTokenDataSource pool = newDataSource(properties, signing, jdbcUrl(endpoint));
		Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(pool));
		pool.setPoolName(poolName);
		if (meters != null) {
			pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
		}
		pool.afterPropertiesSet();
		return new DatabaseEndpoint(pool, endpoint.region());
	}

	/**
	 * A pool for {@code properties}' user and schema with DSQL's defaults: connections
	 * replaced after 55 minutes (DSQL closes them at 60), 2 to 10 of them, and a borrower
	 * waits at most 3 seconds for one.
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
		dataSource.setConnectionTimeout(Duration.ofSeconds(3).toMillis());
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
