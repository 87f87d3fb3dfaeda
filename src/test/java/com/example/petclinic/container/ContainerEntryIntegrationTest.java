package com.example.petclinic.container;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.example.petclinic.container.Dockerfile.Instruction;
import com.example.petclinic.container.Dockerfile.Stage;
import com.example.petclinic.test.PostgresConnectionDetails;
import com.example.petclinic.test.OnTestDatabase;
import com.example.petclinic.test.TestDatabase;
import com.example.petclinic.test.TokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container image without a Docker engine: the jar is packed as
 * {@code ./mvnw package} packs it ({@link PackagedJar}), and then the
 * {@code Dockerfile}'s own commands run, read from the file, not copied: the build
 * stage's extract, the runtime stage's layer copies and training run, the
 * {@code ENTRYPOINT} with the {@code ENV}, and the {@code HEALTHCHECK}. The service gets
 * its database as a container user gives it, in {@code SPRING_DATASOURCE_*} variables,
 * and the public key of its token issuer with its audience, and is used over HTTP with a
 * token; without the token settings the same entry point refuses to start. What it cannot
 * show: the base images and the user switch, which {@link DockerfileUnitTest} checks
 * instead.
 */
@OnTestDatabase
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerEntryIntegrationTest {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private static final String REQUEST_ID = "container-entry-test";

	private static final String PUBLIC_KEY_LOCATION = "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLICKEYLOCATION";

	@TempDir
	static Path root;

	private static Path appDirectory;

	private static Path output;

	private static Map<String, String> environment;

	private static Process service;

	private static Dockerfile dockerfile;

	private static final TokenIssuer ISSUER = TokenIssuer.withNewKey();

	private static final String TOKEN = ISSUER.token("petclinic.read", "petclinic.write", "petclinic.management")
		.sign();

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void buildAndStartTheImage() throws Exception {
		dockerfile = Dockerfile.read();
		Path workspace = Files.createDirectories(root.resolve("workspace"));
		appDirectory = Files.createDirectories(root.resolve("app"));
		output = root.resolve("service.log");

		Stage build = dockerfile.stage("build");
		PackagedJar.write(Files.createDirectories(workspace.resolve("target")).resolve(jarName()));
		runAll(build, workspace, (run) -> run.arguments().startsWith("java -Djarmode=tools"));

		Stage runtime = dockerfile.finalStage();
		for (Instruction copy : runtime.all("COPY")) {
			copyFromBuild(copy, build.workdir(), workspace);
		}
		runAll(runtime, appDirectory, (run) -> run.arguments().startsWith("java "));

		environment = serviceEnvironment(runtime);
		service = entryPoint(environment, output).start();
		awaitHealthy();
	}

	private static ProcessBuilder entryPoint(Map<String, String> environment, Path output) {
		ProcessBuilder entryPoint = new ProcessBuilder().directory(appDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		entryPoint.environment().putAll(environment);
		withPath(entryPoint.environment());
		entryPoint.command(
				onPath(dockerfile.finalStage().last("ENTRYPOINT").orElseThrow().command(), entryPoint.environment()));
		return entryPoint;
	}

	@AfterAll
	static void stopTheService() throws InterruptedException {
		if (service != null && service.isAlive()) {
			service.destroyForcibly().waitFor();
		}
	}

	@Test
	@Order(1)
	void healthCheckPassesOnlyWhileTheServiceAnswersReady() throws Exception {
		assertThat(healthCheck(environment.get("SERVER_PORT"))).isZero();
		assertThat(healthCheck(String.valueOf(freePort()))).isNotZero();
	}

	@Test
	@Order(1)
	void startsFromTheAheadOfTimeCacheOfTheTrainingRun() throws IOException {
		// A missing or mismatched cache is not fatal: the JVM says so and starts slowly.
		assertThat(Files.readString(output)).doesNotContainPattern("\\[(warning|error) *\\]\\[aot");
	}

	@Test
	@Order(2)
	void servesTheApiOnTheDatabaseGivenInEnvironmentVariables() throws Exception {
		HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/owners"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"name": "Container User", "city": "Dockerville"}""")));

		assertThat(created.statusCode()).isEqualTo(201);
		String id = JsonMapper.shared().readTree(created.body()).get("id").asString();
		HttpResponse<String> read = send(
				HttpRequest.newBuilder(uri(created.headers().firstValue("Location").orElseThrow())));
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(JsonMapper.shared().readTree(read.body()).get("city").asString()).isEqualTo("Dockerville");
		assertThat(ownerCity(UUID.fromString(id))).isEqualTo("Dockerville");
	}

	@Test
	@Order(2)
	void refusesTheApiWithoutAToken() throws Exception {
		HttpResponse<String> refused = this.http.send(HttpRequest.newBuilder(uri("/api/owners")).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((header) -> assertThat(header).startsWith("Bearer"));
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	@Order(3)
	void logsJsonLinesThatCarryTheRequestId() throws Exception {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(uri("/api/specialties")).header("X-Request-Id", REQUEST_ID));

		assertThat(response.headers().firstValue("X-Request-Id")).hasValue(REQUEST_ID);
		List<JsonNode> requestLines = logLines().stream()
			.filter((line) -> REQUEST_ID.equals(line.path("requestId").asString(null)))
			.toList();
		assertThat(requestLines).isNotEmpty()
			.allSatisfy((line) -> assertThat(line.path("@timestamp").isMissingNode()).isFalse())
			.anySatisfy((line) -> assertThat(line.path("message").asString()).contains("Completed 200"));
	}

	@Test
	@Order(4)
	void exposesPrometheusMetricsOfRequestsThePoolAndTheJvm() throws Exception {
		HttpResponse<String> metrics = send(HttpRequest.newBuilder(uri("/actuator/prometheus")));

		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("http_server_requests_seconds_count{")
			.contains("hikaricp_connections_active{")
			.contains("jvm_memory_used_bytes{");
	}

	@Test
	@Order(5)
	void tellsWhichBuildIsRunning() throws Exception {
		HttpResponse<String> info = send(HttpRequest.newBuilder(uri("/actuator/info")));

		assertThat(info.statusCode()).isEqualTo(200);
		assertThat(JsonMapper.shared().readTree(info.body()).at("/build/version").asString())
			.isEqualTo(buildInfo().getProperty("build.version"));
	}

	@Test
	@Order(6)
	void shutsDownGracefullyOnTheStopSignal() throws Exception {
		service.destroy();

		assertThat(service.waitFor(1, TimeUnit.MINUTES)).isTrue();
		assertThat(service.exitValue()).as("the exit status after SIGTERM").isEqualTo(143);
		List<String> messages = logLines().stream().map((line) -> line.path("message").asString("")).toList();
		assertThat(messages).anyMatch((message) -> message.startsWith("Commencing graceful shutdown"))
			.anyMatch((message) -> message.startsWith("Graceful shutdown complete"))
			.anyMatch((message) -> message.endsWith("Shutdown completed."));
	}

	@Test
	@Order(7)
	void refusesToStartWithoutTokenValidation() throws Exception {
		Map<String, String> unconfigured = new HashMap<>(environment);
		unconfigured.remove(PUBLIC_KEY_LOCATION);
		unconfigured.remove("PETCLINIC_AUTH_AUDIENCES");
		unconfigured.put("SERVER_PORT", String.valueOf(freePort()));
		unconfigured.remove("LOGGING_STRUCTURED_FORMAT_CONSOLE");
		Path refusal = root.resolve("refused.log");

		Process refused = entryPoint(unconfigured, refusal).start();

		assertThat(refused.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(refused.exitValue()).isNotZero();
		assertThat(Files.readString(refusal)).contains("APPLICATION FAILED TO START")
			.contains("petclinic.auth is jwt, but no JWT validation is configured")
			.contains("PETCLINIC_AUTH=none");
	}

	private static String jarName() throws IOException {
		Properties build = buildInfo();
		return build.getProperty("build.artifact") + "-" + build.getProperty("build.version") + ".jar";
	}

	private static Properties buildInfo() throws IOException {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(Path.of("target/classes/META-INF/build-info.properties"))) {
			properties.load(in);
		}
		return properties;
	}

	private static void runAll(Stage stage, Path directory, Predicate<Instruction> selected)
			throws IOException, InterruptedException {
		List<Instruction> runs = stage.all("RUN").stream().filter(selected).toList();
		assertThat(runs).as("RUN instructions of stage " + stage.name()).isNotEmpty();
		for (Instruction run : runs) {
			Path log = Files.createTempFile(root, "run", ".log");
			ProcessBuilder builder = new ProcessBuilder(run.command()).directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			withPath(builder.environment());
			int status = builder.start().waitFor();
			assertThat(status).as("exit status of RUN %s%n%s", run.arguments(), Files.readString(log)).isZero();
		}
	}

	private static void copyFromBuild(Instruction copy, String buildWorkdir, Path workspace) throws IOException {
		String[] arguments = copy.arguments().split("\\s+");
		assertThat(arguments).hasSize(3);
		assertThat(arguments[0]).isEqualTo("--from=build");
		assertThat(arguments[1]).startsWith(buildWorkdir + "/");
		assertThat(arguments[2]).isEqualTo("./");
		Path source = workspace.resolve(arguments[1].substring(buildWorkdir.length() + 1));
		assertThat(source).isDirectory();
		FileSystemUtils.copyRecursively(source, appDirectory);
	}

	private static Map<String, String> serviceEnvironment(Stage runtime) throws IOException {
		PostgresConnectionDetails database = TestDatabase.connectionDetails();
		Map<String, String> environment = new HashMap<>(runtime.environment());
		// What a container user passes with `docker run -e`: another port, since 8080
		// may be taken on this machine, the database, JSON logs and the request log of
		// Spring MVC.
		environment.put("SERVER_PORT", String.valueOf(freePort()));
		environment.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
		environment.put("SPRING_DATASOURCE_USERNAME", database.username());
		environment.put("SPRING_DATASOURCE_PASSWORD", database.password());
		environment.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
		environment.put("LOGGING_LEVEL_WEB", "debug");
		// The issuer's public key, as a mounted file; the tokens must be for the API.
		Path publicKey = Files.writeString(root.resolve("issuer.pem"), ISSUER.publicKeyPem());
		environment.put(PUBLIC_KEY_LOCATION, "file:" + publicKey);
		environment.put("PETCLINIC_AUTH_AUDIENCES", TokenIssuer.AUDIENCE);
		return environment;
	}

	// The image's `java` is this JDK's: put it first on the PATH.
	private static void withPath(Map<String, String> environment) {
		environment.put("PATH",
				Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + environment.get("PATH"));
	}

	// Like Docker, look the program up on the PATH of the container's environment
	// (ProcessBuilder would use this JVM's).
	private static List<String> onPath(List<String> command, Map<String, String> environment) {
		String program = command.getFirst();
		if (program.contains("/")) {
			return command;
		}
		Path executable = Stream.of(environment.get("PATH").split(File.pathSeparator))
			.map((directory) -> Path.of(directory, program))
			.filter(Files::isExecutable)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(program + " is not on the PATH"));
		return Stream.concat(Stream.of(executable.toString()), command.stream().skip(1)).toList();
	}

	private static void awaitHealthy() throws Exception {
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (healthCheck(environment.get("SERVER_PORT")) != 0) {
			if (!service.isAlive() || Instant.now().isAfter(deadline)) {
				service.destroyForcibly().waitFor();
				throw new IllegalStateException(
						"The service did not become healthy:%n%s".formatted(Files.readString(output)));
			}
			Thread.sleep(250);
		}
	}

	// Docker runs the HEALTHCHECK command inside the container, with its environment.
	private static int healthCheck(String port) throws IOException, InterruptedException {
		Instruction check = dockerfile.finalStage().last("HEALTHCHECK").orElseThrow().healthCommand();
		ProcessBuilder builder = new ProcessBuilder(check.command()).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD);
		builder.environment().putAll(environment);
		builder.environment().put("SERVER_PORT", port);
		Process process = builder.start();
		if (!process.waitFor(3, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			return -1;
		}
		return process.exitValue();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static List<JsonNode> logLines() throws IOException {
		try (Stream<String> lines = Files.lines(output)) {
			return lines.filter((line) -> line.startsWith("{")).map(JsonMapper.shared()::readTree).toList();
		}
	}

	private static String ownerCity(UUID id) throws SQLException {
		PostgresConnectionDetails database = TestDatabase.connectionDetails();
		try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
				database.password());
				PreparedStatement select = connection.prepareStatement("select city from owner where id = ?")) {
			select.setObject(1, id);
			try (ResultSet result = select.executeQuery()) {
				return result.next() ? result.getString(1) : "";
			}
		}
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + environment.get("SERVER_PORT") + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(
				request.header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
