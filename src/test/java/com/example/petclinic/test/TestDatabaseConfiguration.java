package com.example.petclinic.test;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Points the service at the {@link TestDatabase}, records the SQL it sends and refuses
 * what Aurora DSQL would reject.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SqlStatements.class, DsqlStatementGuard.class })
public class TestDatabaseConfiguration {

	@Bean
	JdbcConnectionDetails testDatabaseConnectionDetails() {
		return TestDatabase.connectionDetails();
	}

}
