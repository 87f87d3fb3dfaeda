package com.example.petclinic.dsql;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Reads the AWS sample's environment variables {@code CLUSTER_ENDPOINT},
 * {@code CLUSTER_USER} and {@code REGION} as {@code petclinic.dsql.endpoint},
 * {@code .user} and {@code .region}, so that the same settings drive the sample and this
 * service. Only variables that are set are mapped, so the defaults stay those of
 * {@link DsqlProperties}; the service's own names ({@code PETCLINIC_DSQL_USER},
 * {@code --petclinic.dsql.user}) take precedence, {@code application.properties} does
 * not.
 */
class AwsSampleEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final Map<String, String> VARIABLES = Map.of("CLUSTER_ENDPOINT", "petclinic.dsql.endpoint", "CLUSTER_USER",
			"petclinic.dsql.user", "REGION", "petclinic.dsql.region");

	private static final String SOURCE = "awsSampleVariables";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		PropertySource<?> variables = environment.getPropertySources()
			.get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		if (variables == null) {
			return;
		}
		Map<String, Object> mapped = new LinkedHashMap<>();
		VARIABLES.forEach((variable, property) -> {
			Object value = variables.getProperty(variable);
			if (value != null) {
				mapped.put(property, value);
			}
		});
		if (!mapped.isEmpty()) {
			environment.getPropertySources()
				.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new MapPropertySource(SOURCE, mapped));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
