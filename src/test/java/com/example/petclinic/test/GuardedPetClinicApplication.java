package com.example.petclinic.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.example.petclinic.PetClinicApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.ContextClosedEvent;

/**
 * The service with every statement passing through the {@link DsqlStatementGuard}, for
 * tests that run it in a JVM of its own ({@link ServiceProcess}). When it stops it writes
 * what the guard recorded to the file named by {@value #VIOLATIONS_FILE}: nothing when
 * every statement would have run on Aurora DSQL.
 */
public final class GuardedPetClinicApplication {

	static final String VIOLATIONS_FILE = "petclinic.test.violations-file";

	private GuardedPetClinicApplication() {
	}

	public static void main(String[] args) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(PetClinicApplication.class,
				GuardedStatements.class)
			.run(args);
		Path violations = Path.of(context.getEnvironment().getRequiredProperty(VIOLATIONS_FILE));
		DsqlStatementGuard guard = context.getBean(DsqlStatementGuard.class);
		context.addApplicationListener((ContextClosedEvent closed) -> {
			try {
				Files.writeString(violations, String.join(System.lineSeparator(), guard.takeViolations()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	@TestConfiguration(proxyBeanMethods = false)
	@Import({ SqlStatements.class, DsqlStatementGuard.class })
	static class GuardedStatements {

	}

}
