package com.example.petclinic.database;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Watches the database's endpoints: those of a {@link FailoverDataSource} (Aurora DSQL's
 * data source is one, with an endpoint per Region), or else the one pool of Spring Boot's
 * data source.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
public class DatabaseConfiguration {

	@Bean
	DatabaseEndpoints databaseEndpoints(DataSource dataSource, DatabaseProperties properties,
			ObjectProvider<MeterRegistry> meters) throws SQLException {
		DatabaseEndpoints endpoints = dataSource.isWrapperFor(FailoverDataSource.class)
				? dataSource.unwrap(FailoverDataSource.class).endpoints()
				: new DatabaseEndpoints(List.of(new DatabaseEndpoint(dataSource.unwrap(HikariDataSource.class), null)),
						properties, meters.getIfAvailable());
		endpoints.start();
		return endpoints;
	}

	@Bean
	DatabaseHealthIndicator databaseHealthIndicator(DatabaseEndpoints endpoints) {
		return new DatabaseHealthIndicator(endpoints);
	}

}
