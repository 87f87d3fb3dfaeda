package com.example.petclinic.test;

import java.util.Locale;

import javax.sql.DataSource;

import com.example.petclinic.test.DsqlStatementGuard.DsqlIncompatibleStatementException;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The guard sits on the service's own data source, so it sees what the service, Spring
 * and Liquibase send.
 */
@PetClinicIntegrationTest
class DsqlStatementGuardIntegrationTest {

	@Autowired
	private DsqlStatementGuard guard;

	@Autowired
	private SqlStatements sql;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private RestTestClient http;

	@Test
	void liquibaseMigratesThroughTheGuardedDataSource(@Autowired SpringLiquibase liquibase) throws Exception {
		this.sql.clear();
		liquibase.setShouldRun(true);

		liquibase.afterPropertiesSet();

		assertThat(this.sql.recorded())
			.anyMatch((statement) -> statement.toLowerCase(Locale.ROOT).contains("databasechangeloglock"));
		assertThat(this.guard.takeViolations()).isEmpty();
	}

	@Test
	void aStatementAuroraDsqlRejectsNeverReachesTheDatabase() {
		new ClinicApi(this.http).createOwner("John Doe", "New York");

		assertThatExceptionOfType(DsqlIncompatibleStatementException.class)
			.isThrownBy(() -> this.jdbc.sql("TRUNCATE owner").update())
			.withMessageContaining("TRUNCATE is not supported");

		assertThat(this.jdbc.sql("select count(*) from owner").query(Long.class).single()).isOne();
		assertThat(this.guard.takeViolations()).singleElement().asString().contains("TRUNCATE owner");
	}

	@Test
	void aSavepointIsRefused() {
		TransactionTemplate nested = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
		nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);

		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> new TransactionTemplate(new DataSourceTransactionManager(this.dataSource))
				.executeWithoutResult((outer) -> nested
					.executeWithoutResult((inner) -> this.jdbc.sql("select 1").query(Integer.class).single())));

		assertThat(this.guard.takeViolations()).singleElement().asString().contains("savepoints are not supported");
	}

}
