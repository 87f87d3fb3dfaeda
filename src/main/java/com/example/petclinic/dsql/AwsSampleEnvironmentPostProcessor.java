package com.example.petclinic.dsql;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Reads the AWS sample's settings {@code CLUSTER_ENDPOINT}, {@code CLUSTER_USER} and
 * {@code REGION} (environment variables, or any other property source) as
 * {@code petclinic.dsql.endpoint}, {@code .user} and {@code .region}, and
 * {@code CLUSTER_ENDPOINT_SECONDARY} of the multi-Region sample as
 * {@code petclinic.dsql.secondary-endpoint}, so that the same settings drive the sample
 * and this service. Only those that are set are mapped, so the defaults stay those of
 * {@link DsqlProperties}, and at the lowest precedence: the service's own names, in any
 * source ({@code PETCLINIC_DSQL_USER}, {@code --petclinic.dsql.user}, a configuration
 * file), win.
 */
class AwsSampleEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final Map<String, String> VARIABLES = Map.of("CLUSTER_ENDPOINT", "petclinic.dsql.endpoint", "CLUSTER_USER",
			"petclinic.dsql.user", "REGION", "petclinic.dsql.region", "CLUSTER_ENDPOINT_SECONDARY",
			"petclinic.dsql.secondary-endpoint");

	private static final String SOURCE = "awsSampleVariables";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> mapped = new LinkedHashMap<>();
		VARIABLES.forEach((variable, property) -> {
			String value = environment.getProperty(variable);
			if (value != null) {
				mapped.put(property, value);
			}
		});
		if (!mapped.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource(SOURCE, mapped));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
