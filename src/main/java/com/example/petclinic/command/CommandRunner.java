package com.example.petclinic.command;

import java.io.Console;
import java.util.List;

import javax.sql.DataSource;

import com.example.petclinic.dataset.DataSetLoader;
import com.example.petclinic.migration.LiquibaseRollback;
import com.example.petclinic.sample.PetClinicSample;
import com.example.petclinic.sample.PetClinicSample.SampleData;
import com.example.petclinic.sample.SampleChecks;
import com.example.petclinic.sample.SampleChecks.Check;
import com.example.petclinic.specialty.SpecialtyResponse;
import com.example.petclinic.specialty.SpecialtyService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Runs the command named by {@code petclinic.command} once the application has started
 * (and, but for {@code migrate-down}, migrated). A failed command throws
 * {@link CommandFailedException}, so the process exits with a non-zero status.
 */
@Component
@ConditionalOnProperty(CommandEnvironmentPostProcessor.COMMAND_PROPERTY)
class CommandRunner implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(CommandRunner.class);

	private static final String OWNERS_OPTION = "owners";

	private static final long DEFAULT_OWNERS = 1_000_000;

	private final PetClinicCommand command;

	private final DataSource dataSource;

	private final String changeLog;

	private final PetClinicSample sample;

	private final SampleChecks checks;

	private final SpecialtyService specialties;

	private final DataSetLoader loader;

	CommandRunner(@Value("${petclinic.command}") String command, DataSource dataSource,
			@Value("${spring.liquibase.change-log}") String changeLog, PetClinicSample sample, SampleChecks checks,
			SpecialtyService specialties, DataSetLoader loader) {
		this.command = PetClinicCommand.of(command).orElseThrow();
		this.dataSource = dataSource;
		this.changeLog = changeLog;
		this.sample = sample;
		this.checks = checks;
		this.specialties = specialties;
		this.loader = loader;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		switch (this.command) {
			case MIGRATE_UP -> logger.info("migrate-up: the database schema is up to date");
			case MIGRATE_DOWN -> {
				int rolledBack = new LiquibaseRollback(this.dataSource, this.changeLog).rollBackAll();
				logger.info("migrate-down: rolled back {} changeset(s); the changelog's tables and indexes are gone",
						rolledBack);
			}
			case SAMPLE -> runSample();
			case LOAD -> runLoad(args);
		}
	}

	private void runLoad(ApplicationArguments args) {
		List<String> values = args.getOptionValues(OWNERS_OPTION);
		long owners = DEFAULT_OWNERS;
		if (values != null && !values.isEmpty()) {
			try {
				owners = Long.parseLong(values.get(values.size() - 1).replace("_", "").replace(",", ""));
			}
			catch (NumberFormatException ex) {
				owners = -1;
			}
			if (owners < 0) {
				throw new CommandFailedException(
						"load: --owners must be a whole number of owners, not '%s'".formatted(values.get(0)));
			}
		}
		Console console = System.console();
		long inserted = this.loader.load(owners, System.err, console != null && console.isTerminal());
		logger.info("load: the database holds the data set of {} owners ({} inserted by this run)", owners, inserted);
	}

	private void runSample() {
		List<String> present = this.specialties.all()
			.stream()
			.map(SpecialtyResponse::name)
			.filter(PetClinicSample.SPECIALTIES::contains)
			.toList();
		if (!present.isEmpty()) {
			throw new CommandFailedException(("sample: the database already holds the sample's specialties %s; run "
					+ "migrate-down and migrate-up first for an empty schema")
				.formatted(present));
		}
		SampleData data = this.sample.insert();
		List<Check> results = this.checks.verify(data);
		results.forEach((check) -> logger.info("sample: {} {} (expected {}, found {})",
				check.passed() ? "PASSED" : "FAILED", check.description(), check.expected(), check.actual()));
		long failed = results.stream().filter((check) -> !check.passed()).count();
		if (failed > 0) {
			throw new CommandFailedException("sample: %d of %d checks failed".formatted(failed, results.size()));
		}
		logger.info("sample: all {} checks passed", results.size());
	}

}
