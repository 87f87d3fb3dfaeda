package com.example.petclinic.bench;

import java.util.Arrays;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Entry point of the benchmark's Java steps; {@code bench/run.sh} calls one command at a
 * time.
 *
 * The data set is the service's own {@code load} command's.
 *
 * <ul>
 * <li>{@code jdbc --jdbc-url= --scenario= --connections= --pool-size= --warmup=
 * --duration= --owner-ids= [--network= --proxy-control-port=]}: drives a scenario as
 * plain JDBC statements and prints its result, CPU and (through the proxy) round-trip
 * lines;</li>
 * <li>{@code proxy --listen-port= --target-port= --control-port= --latency-ms=
 * --lifetime=}: runs the {@link LatencyProxy} until it is stopped or its lifetime
 * ends;</li>
 * <li>{@code issue-token --public-key= --token= --audience= --scope= --lifetime=}: writes
 * an issuer's public key and an access token it signed, for the secured scenarios;</li>
 * <li>{@code report --results= --jmh=}: prints the Markdown report of a run.</li>
 * </ul>
 */
public final class BenchmarkCommand {

	private static final String ALIVE_BYPASS_WINDOW = "com.zaxxer.hikari.aliveBypassWindowMs";

	private BenchmarkCommand() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0) {
			System.err.println("Usage: BenchmarkCommand jdbc|proxy|issue-token|report --name=value ...");
			System.exit(2);
		}
		Arguments arguments = Arguments.parse(args, 1);
		switch (args[0]) {
			case "jdbc" -> JdbcBaseline.run(arguments);
			case "proxy" -> LatencyProxy.run(arguments);
			case "issue-token" -> BenchToken.issue(arguments);
			case "report" -> BenchmarkReport.print(arguments.path("results"), arguments.path("jmh"), System.out);
			default -> throw new IllegalArgumentException(
					"Unknown command '%s' in %s".formatted(args[0], Arrays.toString(args)));
		}
	}

	static HikariDataSource dataSource(Arguments arguments, int poolSize) {
		// HikariCP checks a connection idle for over 500 ms with a round trip before it
		// hands
		// it out; on a busy machine a connection can wait that long between two requests.
		// The baseline issues the fewest round trips, so it does not check (read when the
		// first pool starts).
		if (System.getProperty(ALIVE_BYPASS_WINDOW) == null) {
			System.setProperty(ALIVE_BYPASS_WINDOW, Long.toString(Long.MAX_VALUE / 2));
		}
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(arguments.string("jdbc-url"));
		config.setUsername(arguments.string("username", "postgres"));
		// The password, if the server wants one, comes the way psql takes it, never as an
		// argument.
		String password = System.getenv("PGPASSWORD");
		if (password != null) {
			config.setPassword(password);
		}
		config.setMaximumPoolSize(poolSize);
		config.setPoolName("bench");
		return new HikariDataSource(config);
	}

}
