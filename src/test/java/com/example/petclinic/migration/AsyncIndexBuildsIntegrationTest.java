package com.example.petclinic.migration;

import java.io.StringWriter;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.example.petclinic.test.PasswordAuthPostgres;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The migration on DSQL: asynchronous index statements, and the wait for their builds,
 * here against a stand-in of DSQL's {@code sys.jobs} and {@code sys.wait_for_job}.
 */
class AsyncIndexBuildsIntegrationTest {

	private final DataSource database = PasswordAuthPostgres.instance()
		.getDatabase("postgres", PasswordAuthPostgres.createDatabase("index_builds"));

	private final JdbcClient jdbc = JdbcClient.create(this.database);

	@BeforeEach
	void createJobsStandIn() {
		this.jdbc.sql("CREATE SCHEMA sys").update();
		this.jdbc.sql("CREATE TABLE sys.jobs (job_id text, status text, succeeds boolean)").update();
		this.jdbc.sql("""
				CREATE FUNCTION sys.wait_for_job(id text) RETURNS boolean LANGUAGE sql AS $$
				  UPDATE sys.jobs SET status = CASE WHEN succeeds THEN 'completed' ELSE 'failed' END
				  WHERE job_id = id RETURNING succeeds
				$$""").update();
	}

	@Test
	void theStartWaitsForTheUnfinishedBuildsOnly() throws Exception {
		this.jdbc.sql("""
				INSERT INTO sys.jobs VALUES ('j1', 'submitted', true), ('j2', 'processing', true),
				  ('j3', 'completed', true), ('j4', 'failed', false)""").update();
		assertThat(new AsyncIndexBuilds(this.database).awaitAll()).isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT status FROM sys.jobs ORDER BY job_id").query(String.class).list())
			.containsExactly("completed", "completed", "completed", "failed");
	}

	@Test
	void aFailedBuildStopsTheStartAndNamesItsJob() {
		this.jdbc.sql("INSERT INTO sys.jobs VALUES ('j1', 'processing', true), ('j2', 'processing', false)").update();
		assertThatIllegalStateException().isThrownBy(() -> new AsyncIndexBuilds(this.database).awaitAll())
			.withMessageStartingWith("Index build job(s) [j2] failed, leaving their index invalid");
	}

	@Test
	void theChangelogCreatesItsIndexesAsynchronouslyOnDsql(@TempDir Path history) throws Exception {
		// Liquibase records what it would have applied in a file, kept out of the working
		// directory.
		Database offline = DatabaseFactory.getInstance()
			.openDatabase("offline:postgresql?changeLogFile=" + history.resolve("databasechangelog.csv"), null, null,
					null, new ClassLoaderResourceAccessor());
		StringWriter sql = new StringWriter();
		try (Liquibase liquibase = new Liquibase("db/changelog/db.changelog-master.yaml",
				new ClassLoaderResourceAccessor(), offline)) {
			DsqlLiquibaseMigration.asyncIndexes().customize(liquibase);
			liquibase.update((String) null, sql);
		}
		assertThat(sql.toString()).contains("CREATE INDEX ASYNC \"pet_ownerId_idx\" ON \"pet\" (\"ownerId\")")
			.contains("CREATE INDEX ASYNC \"_SpecialtyToVet_B_index\" ON \"_SpecialtyToVet\" (\"B\")")
			.doesNotContainPattern("CREATE INDEX (?!ASYNC)");
	}

}
