package com.example.petclinic.test;

import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.junit.jupiter.SpringExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fails the test that sent a statement Aurora DSQL would reject, even when the service
 * caught the {@link DsqlStatementGuard}'s exception and answered as if nothing happened.
 */
public class DsqlFidelityCheck implements AfterEachCallback {

	@Override
	public void afterEach(ExtensionContext context) {
		List<String> violations = SpringExtension.getApplicationContext(context)
			.getBean(DsqlStatementGuard.class)
			.takeViolations();
		assertThat(violations).as("statements Aurora DSQL would reject").isEmpty();
	}

}
