package com.example.petclinic.database;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import com.example.petclinic.PetClinicApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The service needs its database to migrate the schema at start: without one it stops,
 * within a bound, and says why in one line, whether the database refuses connections or
 * accepts them and never answers.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseUnreachableAtStartIntegrationTest {

	@Test
	void aDatabaseThatRefusesConnectionsStopsTheStartWithOneLine(CapturedOutput output) throws IOException {
		int port;
		try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = closed.getLocalPort();
		}
		start(port);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The database could not be reached: Connection to 127.0.0.1:%d refused".formatted(port));
	}

	/**
	 * Logging in is bounded at 5 s (and reading at 10 s): without the bounds the start
	 * would wait forever; the timeout leaves room for a slow start of the context.
	 */
	@Test
	@Timeout(60)
	void aDatabaseThatNeverAnswersStopsTheStartWithinTheBound(CapturedOutput output) throws IOException {
		// Connections are accepted (into the backlog) and never answered.
		try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			start(silent.getLocalPort());
		}
		assertThat(output).contains("APPLICATION FAILED TO START").contains("The database could not be reached");
	}

	private static void start(int port) {
		SpringApplication application = new SpringApplication(PetClinicApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(
				() -> application
					.run("--petclinic.dsql.endpoint=", "--petclinic.auth=none",
							"--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + port + "/postgres",
							"--spring.datasource.username=postgres")
					.close());
	}

}
