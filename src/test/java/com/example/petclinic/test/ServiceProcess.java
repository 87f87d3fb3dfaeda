package com.example.petclinic.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.example.petclinic.PetClinicApplication;

/**
 * An instance of the service in a JVM of its own, as each instance of a deployment runs:
 * it shares nothing with the test or with another instance but the database. It runs the
 * service's own main class on the test's Java and class path, on a port of its own, with
 * its statements checked by the {@link DsqlStatementGuard}
 * ({@link GuardedStatementsReport}), and writes its output to a file that a failure
 * shows.
 */
public final class ServiceProcess implements AutoCloseable {

	// Generous: on a shared machine of 2 cores, two instances starting at once have taken
	// more than 2 minutes.
	private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

	private final Process process;

	private final int port;

	private final Path output;

	private final Path violations;

	private ServiceProcess(Process process, int port, Path output, Path violations) {
		this.process = process;
		this.port = port;
		this.output = output;
		this.violations = violations;
	}

	/**
	 * Starts an instance on {@code database}; it is not ready yet.
	 * @param directory where the instance writes its output and the guard's report
	 * @param name the instance's name in its files
	 */
	public static ServiceProcess start(Path directory, String name, PostgresConnectionDetails database)
			throws IOException {
		int port = freePort();
		Path output = directory.resolve(name + ".log");
		Path violations = directory.resolve(name + "-violations.txt");
		Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), PetClinicApplication.class.getName(),
				"--spring.main.sources=" + GuardedStatementsReport.class.getName(), "--server.port=" + port,
				"--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(), "--spring.main.banner-mode=off",
				"--petclinic.auth=none", "--" + GuardedStatementsReport.FILE + "=" + violations))
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		return new ServiceProcess(process, port, output, violations);
	}

	/**
	 * Waits until the instance answers ready.
	 * @throws IllegalStateException with the instance's output, when it stopped or did
	 * not become ready in time
	 */
	public void awaitReady() throws IOException, InterruptedException {
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (!isReady()) {
			if (!this.process.isAlive() || Instant.now().isAfter(deadline)) {
				this.process.destroyForcibly().waitFor();
				throw new IllegalStateException("The instance on port %d did not become ready:%n%s".formatted(this.port,
						Files.readString(this.output)));
			}
			Thread.sleep(250);
		}
	}

	public int port() {
		return this.port;
	}

	/**
	 * Stops the instance as a deployment does, with {@code SIGTERM}, and waits for it.
	 * @return the statements the {@link DsqlStatementGuard} refused, none when all of
	 * them would have run on Aurora DSQL
	 * @throws IllegalStateException when it did not stop cleanly
	 */
	public String stop() throws IOException, InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || !Files.exists(this.violations)) {
			throw new IllegalStateException("The instance on port %d did not stop cleanly:%n%s".formatted(this.port,
					Files.readString(this.output)));
		}
		return Files.readString(this.violations);
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroyForcibly().waitFor();
		}
	}

	private boolean isReady() {
		try {
			return HttpExchange.send(this.port, "GET", "/actuator/health/readiness", null, Map.of()).status() == 200;
		}
		catch (UncheckedIOException notListeningYet) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
