package com.example.petclinic.migration;

import java.time.Duration;

import com.example.petclinic.dsql.ConditionalOnDsqlEndpoint;
import liquibase.Liquibase;
import liquibase.integration.spring.Customizer;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * How Spring Boot's Liquibase migration runs here: again when it loses the race to create
 * Liquibase's own tables with another instance starting at the same time, on any
 * database; and on Aurora DSQL with {@code CREATE INDEX ASYNC}, waiting for the builds
 * before serving.
 */
@Configuration(proxyBeanMethods = false)
class MigrationConfiguration {

	@Bean
	static ConcurrentMigrationRetry concurrentMigrationRetry() {
		return new ConcurrentMigrationRetry(Duration.ofSeconds(1));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnDsqlEndpoint
	static class DsqlMigrationConfiguration {

		@Bean
		Customizer<Liquibase> dsqlAsyncIndexes() {
			return DsqlLiquibaseMigration.asyncIndexes();
		}

		// Static, as bean post-processors must be: the setting is bound from the
		// environment, not injected, since configuration properties beans do not exist
		// yet.
		@Bean
		static BeanPostProcessor dsqlWaitForIndexBuilds(Environment environment) {
			DsqlMigrationProperties properties = Binder.get(environment)
				.bindOrCreate("petclinic.dsql", DsqlMigrationProperties.class);
			return DsqlLiquibaseMigration.waitForIndexBuilds(properties.waitForIndexBuilds());
		}

	}

}
