package com.example.petclinic.dsql;

import com.example.petclinic.PetClinicApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The service refuses to start on a DSQL configuration that cannot work, before it
 * connects, and prints why in one line.
 */
@ExtendWith(OutputCaptureExtension.class)
class DsqlStartupFailureIntegrationTest {

	@Test
	void aMalformedEndpointStopsTheStart(CapturedOutput output) {
		start("--petclinic.dsql.endpoint=https://abc.dsql.us-east-1.on.aws");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("CLUSTER_ENDPOINT 'https://abc.dsql.us-east-1.on.aws' is not a host name");
	}

	@Test
	void aMissingRegionStopsTheStart(CapturedOutput output) {
		start("--petclinic.dsql.endpoint=dsql.example.com");
		assertThat(output).contains("The AWS Region of CLUSTER_ENDPOINT 'dsql.example.com' is unknown");
	}

	@Test
	void aMaxLifetimeOf60MinutesStopsTheStart(CapturedOutput output) {
		start("--petclinic.dsql.endpoint=abc.dsql.us-east-1.on.aws", "--spring.datasource.hikari.max-lifetime=3600000");
		assertThat(output).contains("spring.datasource.hikari.max-lifetime is 60 min, but Aurora DSQL closes");
	}

	@Test
	void aTokenLifetimeShorterThanTheConnectionTimeoutStopsTheStart(CapturedOutput output) {
		start("--petclinic.dsql.endpoint=abc.dsql.us-east-1.on.aws", "--petclinic.dsql.token-lifetime=1s");
		assertThat(output).contains("petclinic.dsql.token-lifetime (1 s) is shorter than");
	}

	private static void start(String... args) {
		SpringApplication application = new SpringApplication(PetClinicApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run(args).close());
	}

}
