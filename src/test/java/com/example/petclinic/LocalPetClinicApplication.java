package com.example.petclinic;

import java.io.IOException;

import com.example.petclinic.test.PostgresConnectionDetails;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Runs the service on an embedded PostgreSQL 17 with the AWS sample's data: {@code ./mvnw
 * spring-boot:test-run}. The database lives as long as the process and starts empty every
 * time.
 */
public class LocalPetClinicApplication {

	public static void main(String[] args) {
		SpringApplication.from(PetClinicApplication::main)
			.with(EmbeddedPostgresConfiguration.class)
			.withAdditionalProfiles("local")
			.run(args);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class EmbeddedPostgresConfiguration {

		private static final Logger logger = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

		@Bean(destroyMethod = "close")
		EmbeddedPostgres embeddedPostgres() throws IOException {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			logger.info("Embedded PostgreSQL started on port {}; its data is gone when the service stops",
					postgres.getPort());
			return postgres;
		}

		@Bean
		JdbcConnectionDetails embeddedPostgresConnectionDetails(EmbeddedPostgres postgres) {
			return new PostgresConnectionDetails(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
		}

	}

}
