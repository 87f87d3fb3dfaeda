package com.example.petclinic.migration;

import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.example.petclinic.test.OnTestDatabase;
import com.example.petclinic.test.TestSchemas;
import liquibase.Liquibase;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The changelog builds the AWS sample's schema, follows Aurora DSQL's rules, and can be
 * rolled back to nothing and applied again.
 */
@OnTestDatabase
class SchemaMigrationIntegrationTest {

	private static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

	// A schema of this test run's own, so that two runs on one server cannot meet.
	private static final String SCHEMA = "migration_test_" + ProcessHandle.current().pid();

	private static final List<String> TABLES = List.of("_SpecialtyToVet", "owner", "pet", "specialty", "vet");

	private final ResourceAccessor resources = new ClassLoaderResourceAccessor();

	private Connection connection;

	@BeforeEach
	void useAnEmptySchema() throws SQLException {
		TestSchemas.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA);
		this.connection = TestSchemas.connect(SCHEMA);
	}

	@AfterEach
	void dropSchema() throws SQLException {
		this.connection.close();
		TestSchemas.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
	}

	@Test
	void migrationsApplyRollBackToNothingAndApplyAgain() throws Exception {
		try (Liquibase liquibase = liquibase()) {
			liquibase.update();
			assertThat(tables()).containsExactlyElementsOf(TABLES);
			assertThat(indexes()).containsExactlyInAnyOrder("pet_ownerId_idx", "_SpecialtyToVet_B_index",
					"owner_upper_name_id_idx", "owner_city_id_idx", "pet_upper_name_id_idx", "pet_birthDate_id_idx",
					"vet_upper_name_id_idx");

			liquibase.rollback(changeSets().size(), null);
			assertThat(tables()).isEmpty();
			assertThat(indexes()).isEmpty();

			liquibase.update();
			assertThat(tables()).containsExactlyElementsOf(TABLES);
		}
	}

	@Test
	void columnsAreTheAwsSamplesOnes() throws Exception {
		try (Liquibase liquibase = liquibase()) {
			liquibase.update();
		}

		this.connection = TestSchemas.connect(SCHEMA);
		assertThat(columns("owner")).containsExactly("id uuid NO", "name character varying(30) NO",
				"city character varying(80) NO", "telephone character varying(20) YES");
		assertThat(columns("pet")).containsExactly("id uuid NO", "name character varying(30) NO", "birthDate date NO",
				"ownerId uuid YES");
		assertThat(columns("specialty")).containsExactly("name character varying(80) NO");
		assertThat(columns("vet")).containsExactly("id uuid NO", "name character varying(30) NO");
		assertThat(columns("_SpecialtyToVet")).containsExactly("A character varying(80) NO", "B uuid NO");
	}

	@Test
	void everyChangeSetIsOneChangeWithARollback() throws LiquibaseException {
		assertThat(changeSets()).isNotEmpty().allSatisfy((changeSet) -> {
			assertThat(changeSet.getChanges()).as(changeSet.getId()).hasSize(1);
			assertThat(changeSet.getRollback().getChanges()).as(changeSet.getId() + " rollback").hasSize(1);
		});
	}

	@Test
	void indexesAreBuiltAsynchronouslyWhenTheChangelogParameterSaysSo() throws Exception {
		StringWriter sql = new StringWriter();
		try (Liquibase liquibase = liquibase()) {
			liquibase.setChangeLogParameter("createIndex", "CREATE INDEX ASYNC");
			liquibase.update((String) null, sql);
		}

		assertThat(sql.toString()).contains("CREATE INDEX ASYNC \"pet_ownerId_idx\" ON \"pet\" (\"ownerId\")")
			.contains("CREATE INDEX ASYNC \"_SpecialtyToVet_B_index\" ON \"_SpecialtyToVet\" (\"B\")")
			.contains("CREATE INDEX ASYNC \"owner_upper_name_id_idx\" ON \"owner\" ((upper(\"name\")), \"id\")")
			.doesNotContainPattern("CREATE INDEX (?!ASYNC)");
	}

	private Liquibase liquibase() throws LiquibaseException {
		Database database = DatabaseFactory.getInstance()
			.findCorrectDatabaseImplementation(new JdbcConnection(this.connection));
		return new Liquibase(CHANGELOG, this.resources, database);
	}

	private List<ChangeSet> changeSets() throws LiquibaseException {
		DatabaseChangeLog changeLog = ChangeLogParserFactory.getInstance()
			.getParser(CHANGELOG, this.resources)
			.parse(CHANGELOG, new ChangeLogParameters(), this.resources);
		return changeLog.getChangeSets();
	}

	private List<String> tables() throws SQLException {
		return query("""
				select table_name from information_schema.tables
				where table_schema = '%s' and table_name not like 'databasechangelog%%' order by table_name
				""".formatted(SCHEMA));
	}

	private List<String> indexes() throws SQLException {
		return query("select indexname from pg_indexes where schemaname = '%s' and indexname not like '%%pkey'"
			.formatted(SCHEMA));
	}

	private List<String> columns(String table) throws SQLException {
		return query(
				"""
						select column_name || ' ' || data_type
						  || coalesce('(' || character_maximum_length || ')', '') || ' ' || is_nullable
						from information_schema.columns where table_schema = '%s' and table_name = '%s' order by ordinal_position
						"""
					.formatted(SCHEMA, table));
	}

	private List<String> query(String sql) throws SQLException {
		try (Statement statement = this.connection.createStatement(); var rows = statement.executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (rows.next()) {
				values.add(rows.getString(1));
			}
			return values;
		}
	}

}
