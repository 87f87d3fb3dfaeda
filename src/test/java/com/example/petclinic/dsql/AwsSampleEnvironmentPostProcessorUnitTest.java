package com.example.petclinic.dsql;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS sample's environment variables configure the service as they configure the
 * sample.
 */
class AwsSampleEnvironmentPostProcessorUnitTest {

	@Test
	void readsTheSamplesVariablesAsTheServicesSettings() {
		StandardEnvironment environment = environment(
				Map.of("CLUSTER_ENDPOINT", "abc.dsql.us-east-1.on.aws", "CLUSTER_USER", "app", "REGION", "us-east-1"));

		DsqlProperties properties = bind(environment);

		assertThat(properties.endpoint()).isEqualTo("abc.dsql.us-east-1.on.aws");
		assertThat(properties.user()).isEqualTo("app");
		assertThat(properties.region()).isEqualTo("us-east-1");
	}

	@Test
	void readsTheMultiRegionSamplesSecondaryEndpoint() {
		StandardEnvironment environment = environment(Map.of("CLUSTER_ENDPOINT", "abc.dsql.us-east-1.on.aws",
				"CLUSTER_ENDPOINT_SECONDARY", "xyz.dsql.us-west-2.on.aws"));

		assertThat(bind(environment).secondaryEndpoint()).isEqualTo("xyz.dsql.us-west-2.on.aws");
	}

	@Test
	void leavesTheRecordsDefaultsWhereAVariableIsNotSet() {
		StandardEnvironment environment = environment(Map.of("CLUSTER_ENDPOINT", "abc.dsql.us-east-1.on.aws"));

		DsqlProperties properties = bind(environment);

		assertThat(properties.user()).isEqualTo(DsqlTokenGenerator.ADMIN);
		assertThat(properties.region()).isNull();
	}

	@Test
	void givesWayToTheServicesOwnSettings() {
		StandardEnvironment environment = environment(
				Map.of("CLUSTER_USER", "app", "PETCLINIC_DSQL_USER", "reporting"));

		assertThat(bind(environment).user()).isEqualTo("reporting");
	}

	@Test
	void givesWayToTheServicesOwnSettingsInAConfigurationFile() {
		StandardEnvironment environment = environment(Map.of("CLUSTER_USER", "app"));
		environment.getPropertySources()
			.addBefore("awsSampleVariables",
					new MapPropertySource("application.properties", Map.of("petclinic.dsql.user", "reporting")));

		assertThat(bind(environment).user()).isEqualTo("reporting");
	}

	@Test
	void readsTheSamplesSettingsFromAnySource() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("commandLineArgs", Map.of("CLUSTER_USER", "app")));
		new AwsSampleEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

		assertThat(bind(environment).user()).isEqualTo("app");
	}

	private static DsqlProperties bind(StandardEnvironment environment) {
		return Binder.get(environment).bindOrCreate("petclinic.dsql", DsqlProperties.class);
	}

	private static StandardEnvironment environment(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(variables)));
		new AwsSampleEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		return environment;
	}

}
