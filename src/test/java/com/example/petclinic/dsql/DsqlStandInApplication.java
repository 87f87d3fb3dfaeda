package com.example.petclinic.dsql;

import java.util.ArrayList;
import java.util.List;

import com.example.petclinic.PetClinicApplication;
import com.example.petclinic.test.DsqlStandIn;
import com.example.petclinic.test.DsqlStatementGuard;
import com.example.petclinic.test.SqlStatements;
import liquibase.integration.spring.SpringLiquibase;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service, or one of its commands, started as on Aurora DSQL, by
 * {@code CLUSTER_ENDPOINT} and {@code CLUSTER_USER}, against the {@link DsqlStandIn},
 * with every statement checked by the {@link DsqlStatementGuard}. It runs the DSQL code
 * path (data source, TLS, schema of the user, migration, commands) but for two things:
 * <ul>
 * <li>the tokens are {@link RotatingPasswordTokens} on the stand-in, whose bean
 * {@link DsqlConfiguration} takes instead of its AWS signer;</li>
 * <li>indexes are built with PostgreSQL's {@code CREATE INDEX}: the DSQL migration asks
 * for {@code CREATE INDEX ASYNC}, which PostgreSQL does not know, and with no
 * asynchronous builds there is nothing to wait for
 * ({@code petclinic.dsql.wait-for-index-builds=false}).</li>
 * </ul>
 */
final class DsqlStandInApplication {

	private DsqlStandInApplication() {
	}

	/**
	 * Starts the service, or runs the command among {@code arguments}, as {@code user}.
	 */
	static ConfigurableApplicationContext run(String user, String... arguments) {
		List<String> args = new ArrayList<>(List.of("--CLUSTER_ENDPOINT=" + DsqlStandIn.instance().endpoint(),
				"--CLUSTER_USER=" + user, "--petclinic.dsql.wait-for-index-builds=false", "--petclinic.auth=none"));
		args.addAll(List.of(arguments));
		// The stand-in's configuration comes first, so that its token generator is known
		// when DsqlConfiguration looks for one.
		ConfigurableApplicationContext context = new SpringApplication(StandInConfiguration.class,
				PetClinicApplication.class, SqlStatements.class, DsqlStatementGuard.class)
			.run(args.toArray(String[]::new));
		assertNothingDsqlWouldReject(context);
		return context;
	}

	/**
	 * Fails when the service has sent a statement Aurora DSQL would reject since the last
	 * check.
	 */
	static void assertNothingDsqlWouldReject(ConfigurableApplicationContext context) {
		assertThat(context.getBean(DsqlStatementGuard.class).takeViolations()).as("statements Aurora DSQL would reject")
			.isEmpty();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class StandInConfiguration {

		@Bean
		RotatingPasswordTokens standInTokens() {
			return new RotatingPasswordTokens(DsqlStandIn.instance().superuser());
		}

		@Bean
		static BeanPostProcessor postgresIndexBuilds() {
			return new PostgresIndexBuilds();
		}

	}

	/**
	 * Replaces the Liquibase customizer of the DSQL migration, which sets the changelog
	 * parameter {@code createIndex} to {@code CREATE INDEX ASYNC}, by one that sets
	 * PostgreSQL's {@code CREATE INDEX}; before Liquibase runs, as it runs while its bean
	 * is initialised.
	 */
	private static final class PostgresIndexBuilds implements BeanPostProcessor, PriorityOrdered {

		@Override
		public Object postProcessBeforeInitialization(Object bean, String beanName) {
			if (bean instanceof SpringLiquibase liquibase) {
				if (liquibase.getCustomizer() == null) {
					throw new IllegalStateException("The DSQL migration configured no Liquibase customizer to replace");
				}
				liquibase.setCustomizer(
						(migration) -> migration.getChangeLogParameters().set("createIndex", "CREATE INDEX"));
			}
			return bean;
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

}
