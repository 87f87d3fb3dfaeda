package com.example.petclinic.command;

import java.util.ArrayList;
import java.util.List;

import com.example.petclinic.PetClinicApplication;
import com.example.petclinic.test.DsqlStatementGuard;
import com.example.petclinic.test.PasswordAuthPostgres;
import com.example.petclinic.test.SqlStatements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The commands of the packaged jar, run as its main method runs them, each on a database
 * of its own on an external PostgreSQL reached through {@code spring.datasource.*}, and
 * each through the {@link DsqlStatementGuard}: {@code migrate-down}'s rollbacks and drops
 * included.
 */
@ExtendWith(OutputCaptureExtension.class)
class PetClinicCommandIntegrationTest {

	private String url = "";

	@BeforeEach
	void createDatabase(TestInfo test) {
		String name = "commands_" + test.getTestMethod().orElseThrow().getName().toLowerCase();
		this.url = PasswordAuthPostgres.jdbcUrl(PasswordAuthPostgres.createDatabase(name));
	}

	@Test
	void migrateUpCreatesTheSchemaWithoutAWebServer() {
		try (ConfigurableApplicationContext context = run("migrate-up")) {
			assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
		}
		assertThat(tables()).contains("owner", "pet", "specialty", "vet", "_SpecialtyToVet", "databasechangelog");
		assertThat(indexes()).contains("pet_ownerId_idx", "_SpecialtyToVet_B_index");
	}

	@Test
	void sampleInsertsTheSampleDataAndPassesItsChecks(CapturedOutput output) {
		run("sample").close();
		assertThat(count("owner")).isEqualTo(2);
		assertThat(count("pet")).isEqualTo(2);
		assertThat(count("specialty")).isEqualTo(3);
		assertThat(count("vet")).isEqualTo(2);
		assertThat(count("\"_SpecialtyToVet\"")).isEqualTo(3);
		assertThat(output).contains("sample: PASSED Pet1's owner is John Doe")
			.contains("sample: PASSED Carlos Salazar's specialties, sorted, are [Cats, Dogs]")
			.contains("sample: all 6 checks passed");
	}

	@Test
	void sampleRefusesADatabaseThatAlreadyHoldsTheSampleData(CapturedOutput output) {
		run("sample").close();
		assertThatException().isThrownBy(() -> run("sample")).isInstanceOf(CommandFailedException.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("sample: the database already holds the sample's specialties [Cats, Dogs, Exotic]");
		assertThat(count("owner")).isEqualTo(2);
	}

	@Test
	void loadWritesTheDataSetInChunksDsqlTakesAndGoesOnWhereAnEarlierRunStopped(CapturedOutput output) {
		run("load", "--owners=700").close();
		assertThat(count("owner")).isEqualTo(700);
		assertThat(count("pet")).isEqualTo(1_400);
		assertThat(count("vet")).isEqualTo(10);
		assertThat(count("specialty")).isEqualTo(10);
		assertThat(output).contains("load owners [##############################] 100% 700 of 700 owners");
		// Owners missing anywhere, whole chunks or parts of them, are written again, the
		// others kept.
		jdbc().sql("DELETE FROM pet WHERE \"ownerId\" IN (SELECT id FROM owner WHERE name > 'Owner m')").update();
		jdbc().sql("DELETE FROM owner WHERE name > 'Owner m'").update();
		int left = count("owner");

		run("load", "--owners=1200").close();

		assertThat(count("owner")).isEqualTo(1_200);
		assertThat(count("pet")).isEqualTo(2_400);
		assertThat(jdbc().sql("SELECT count(DISTINCT name) FROM owner").query(Integer.class).single()).isEqualTo(1_200);
		assertThat(count("vet")).isEqualTo(10);
		assertThat(output).contains("load: 500 owners inserted".replace("500", String.valueOf(1_200 - left)));
	}

	@Test
	void migrateDownDropsEverythingTheChangelogCreatedWithTheDataInIt() {
		run("sample").close();
		run("migrate-down").close();
		assertThat(tables()).isEmpty();
		run("migrate-up").close();
		assertThat(tables()).contains("owner", "pet", "specialty", "vet", "_SpecialtyToVet");
	}

	@Test
	void theCommandCanAlsoBeAProperty() {
		run("--petclinic.command=migrate-up").close();
		assertThat(tables()).contains("owner");
	}

	@Test
	void anUnknownCommandIsRefused() {
		assertThatException().isThrownBy(() -> run("migrate-sideways"))
			.withMessage("Unknown command 'migrate-sideways': the commands are migrate-up, migrate-down, sample, load");
	}

	/**
	 * Runs the command with every statement passing through the
	 * {@link DsqlStatementGuard}, and fails if the command sent one that Aurora DSQL
	 * would reject.
	 */
	private ConfigurableApplicationContext run(String command, String... options) {
		List<String> args = new ArrayList<>(
				List.of("--spring.datasource.url=" + this.url, "--spring.datasource.username=postgres", command));
		args.addAll(List.of(options));
		ConfigurableApplicationContext context = new SpringApplication(PetClinicApplication.class, SqlStatements.class,
				DsqlStatementGuard.class)
			.run(args.toArray(String[]::new));
		assertThat(context.getBean(DsqlStatementGuard.class).takeViolations())
			.as("statements of %s that Aurora DSQL would reject", command)
			.isEmpty();
		return context;
	}

	private List<String> tables() {
		return jdbc().sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
			.query(String.class)
			.list();
	}

	private List<String> indexes() {
		return jdbc().sql("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'").query(String.class).list();
	}

	private int count(String table) {
		return jdbc().sql("SELECT count(*) FROM " + table).query(Integer.class).single();
	}

	private JdbcClient jdbc() {
		return JdbcClient.create(new SingleConnectionDataSource(this.url + "?user=postgres", true));
	}

}
