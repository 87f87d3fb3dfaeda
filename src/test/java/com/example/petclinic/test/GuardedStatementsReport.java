package com.example.petclinic.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

/**
 * Passes every statement of a service started in a JVM of its own
 * ({@link ServiceProcess}) through the {@link DsqlStatementGuard}, and when the service
 * stops, writes what the guard refused to the file named by {@value #FILE}: nothing when
 * every statement would have run on Aurora DSQL.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SqlStatements.class, DsqlStatementGuard.class })
class GuardedStatementsReport {

	static final String FILE = "petclinic.test.violations-file";

	private final DsqlStatementGuard guard;

	private final Path file;

	GuardedStatementsReport(DsqlStatementGuard guard, @Value("${" + FILE + "}") Path file) {
		this.guard = guard;
		this.file = file;
	}

	@EventListener(ContextClosedEvent.class)
	void writeViolations() throws IOException {
		Files.writeString(this.file, String.join(System.lineSeparator(), this.guard.takeViolations()));
	}

}
