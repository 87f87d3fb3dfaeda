package com.example.petclinic.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.example.petclinic.container.Dockerfile.Instruction;
import com.example.petclinic.container.Dockerfile.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the {@code Dockerfile} promises, checked on every build because no Docker engine
 * runs in CI. {@link ContainerEntryIntegrationTest} runs its commands.
 */
class DockerfileUnitTest {

	private static Dockerfile dockerfile;

	@BeforeAll
	static void readDockerfile() throws IOException {
		dockerfile = Dockerfile.read();
	}

	@Test
	void buildsWithTheMavenWrapperOnJdk25WithoutRunningTests() {
		Stage build = dockerfile.stage("build");

		assertThat(build.image()).startsWith("eclipse-temurin:25-jdk");
		assertThat(build.all("RUN")).map(Instruction::arguments)
			.anyMatch((run) -> run.endsWith("./mvnw -B -DskipTests package"));
	}

	@Test
	void extractsTheJarIntoItsLayers() {
		assertThat(dockerfile.stage("build").all("RUN")).map(Instruction::arguments)
			.anyMatch(
					(run) -> run.startsWith("java -Djarmode=tools -jar target/") && run.contains(" extract --layers "));
	}

	@Test
	void runsOnAJre25ImageAsTheFinalStage() {
		assertThat(dockerfile.stages()).hasSize(2);
		assertThat(dockerfile.finalStage().name()).isEqualTo("runtime");
		assertThat(dockerfile.finalStage().image()).startsWith("eclipse-temurin:25-jre");
	}

	@Test
	void copiesTheLayersFromLeastToMostOftenChanged() {
		List<String> copies = dockerfile.finalStage().all("COPY").stream().map(Instruction::arguments).toList();

		assertThat(copies).containsExactly("--from=build /workspace/extracted/dependencies/ ./",
				"--from=build /workspace/extracted/spring-boot-loader/ ./",
				"--from=build /workspace/extracted/snapshot-dependencies/ ./",
				"--from=build /workspace/extracted/application/ ./");
	}

	@Test
	void runsAsAUserWithoutPrivilegesThatTheImageCreates() {
		Stage runtime = dockerfile.finalStage();
		String user = runtime.last("USER").orElseThrow().arguments();
		String uid = user.split(":")[0];

		assertThat(uid).isNotIn("0", "root").matches("\\d+");
		assertThat(runtime.all("RUN")).map(Instruction::arguments).anyMatch((run) -> run.contains("--uid " + uid));
		assertThat(runtime.instructions().indexOf(runtime.last("USER").orElseThrow()))
			.as("USER comes after every RUN, which needs root")
			.isGreaterThan(runtime.instructions().indexOf(runtime.last("RUN").orElseThrow()));
	}

	@Test
	void exposesThePortTheServiceListensOn() {
		Stage runtime = dockerfile.finalStage();

		assertThat(runtime.last("EXPOSE").orElseThrow().arguments()).isEqualTo("8080");
		assertThat(runtime.environment()).containsEntry("SERVER_PORT", "8080");
	}

	@Test
	void checksHealthOnTheReadinessEndpointOfTheConfiguredPort() {
		Instruction healthCheck = dockerfile.finalStage().last("HEALTHCHECK").orElseThrow();

		assertThat(healthCheck.option("interval")).isNotEmpty();
		assertThat(healthCheck.option("timeout")).isNotEmpty();
		assertThat(healthCheck.option("start-period")).isNotEmpty();
		assertThat(healthCheck.healthCommand().arguments()).contains("/actuator/health/readiness")
			.contains("$SERVER_PORT");
	}

	@Test
	void startsJavaAsTheMainProcessSoItReceivesStopSignals() {
		List<String> entryPoint = dockerfile.finalStage().last("ENTRYPOINT").orElseThrow().command();

		assertThat(entryPoint.getFirst()).as("exec form, no shell in between").isEqualTo("java");
		assertThat(entryPoint).anyMatch((argument) -> argument.startsWith("-XX:MaxRAMPercentage="))
			.containsSubsequence("-jar", "app.jar");
	}

	@Test
	void usesTheAheadOfTimeCacheThatTheTrainingRunWrites() {
		Stage runtime = dockerfile.finalStage();
		List<String> entryPoint = runtime.last("ENTRYPOINT").orElseThrow().command();

		assertThat(entryPoint).contains("-XX:AOTCache=app.aot");
		assertThat(runtime.all("RUN")).map(Instruction::arguments)
			.anyMatch((run) -> run.startsWith("java -XX:AOTCacheOutput=app.aot ") && run.endsWith(" -jar app.jar"));
	}

	@Test
	void sendsOnlyTheBuildInputsToTheDockerDaemon() throws IOException {
		List<String> rules = Files.readAllLines(Path.of(".dockerignore"))
			.stream()
			.filter((line) -> !line.isBlank() && !line.startsWith("#"))
			.toList();

		assertThat(rules).containsExactly("*", "!mvnw", "!pom.xml", "!.mvn", "!src");
	}

}
