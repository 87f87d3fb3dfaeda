package com.example.petclinic.command;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Turns a command on the command line ({@code java -jar app.jar migrate-down}) into
 * {@code petclinic.command}, and sets up the application for a command: no web server,
 * and for {@code migrate-down} neither the migration nor Hibernate's schema validation,
 * which would fail on a database the command is about to empty.
 */
class CommandEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String COMMAND_PROPERTY = "petclinic.command";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String command = environment.getProperty(COMMAND_PROPERTY);
		String requested = StringUtils.hasText(command) ? command
				: firstArgument(environment.getProperty("nonOptionArgs"));
		if (!StringUtils.hasText(requested)) {
			return;
		}
		PetClinicCommand known = PetClinicCommand.of(requested)
			.orElseThrow(() -> new IllegalArgumentException(
					"Unknown command '%s': the commands are %s".formatted(requested, PetClinicCommand.allArguments())));
		Map<String, Object> settings = new HashMap<>();
		settings.put(COMMAND_PROPERTY, known.argument());
		settings.put("spring.main.web-application-type", "none");
		settings.put("petclinic.sample-data.load", "false");
		if (known == PetClinicCommand.MIGRATE_DOWN) {
			settings.put("spring.liquibase.enabled", "false");
			settings.put("spring.jpa.hibernate.ddl-auto", "none");
		}
		environment.getPropertySources().addFirst(new MapPropertySource("petclinicCommand", settings));
	}

	private static String firstArgument(@Nullable String nonOptionArgs) {
		return (nonOptionArgs != null) ? nonOptionArgs.split(",")[0].trim() : "";
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
