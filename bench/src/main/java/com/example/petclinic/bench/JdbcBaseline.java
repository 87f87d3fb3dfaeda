package com.example.petclinic.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.HdrHistogram.Histogram;

/**
 * Drives one {@link JdbcScenario} like wrk drives the service: a fixed number of workers,
 * each issuing its next request as soon as the previous one completes, for a fixed time,
 * through a HikariCP pool as large as the service's. Latency is measured from the moment
 * a worker starts a request, so, as with wrk, a stall delays the following requests
 * instead of being recorded in their latency (coordinated omission).
 */
final class JdbcBaseline {

	private static final long HIGHEST_TRACKABLE_MICROS = TimeUnit.MINUTES.toMicros(1);

	private JdbcBaseline() {
	}

	/**
	 * Warms up, then measures and prints the result line and the CPU line; with
	 * {@code --proxy-control-port=} (the {@link LatencyProxy} the JDBC URL points at)
	 * also the round trips of the measured requests.
	 */
	static void run(Arguments arguments) throws IOException, InterruptedException, ExecutionException {
		JdbcScenario scenario = JdbcScenario.named(arguments.string("scenario"));
		int workers = arguments.integer("connections", 64);
		String network = arguments.string("network", LoadResult.LOOPBACK);
		int controlPort = arguments.integer("proxy-control-port", 0);
		JdbcScenario.Workload workload = new JdbcScenario.Workload(
				Files.readAllLines(arguments.path("owner-ids")).stream().map(UUID::fromString).toList());
		try (HikariDataSource dataSource = BenchmarkCommand.dataSource(arguments, arguments.integer("pool-size", 10))) {
			drive(dataSource, scenario, workload, workers, network, arguments.seconds("warmup", 10));
			long[] countsBefore = (controlPort > 0) ? LatencyProxy.counts(controlPort) : new long[2];
			Duration cpuBefore = processCpuTime();
			LoadResult result = drive(dataSource, scenario, workload, workers, network,
					arguments.seconds("duration", 20));
			Duration cpu = processCpuTime().minus(cpuBefore);
			System.out.println(result.toLine());
			System.out.printf(Locale.ROOT, "cpu\t%s\tjdbc\t%.3f\t%s%n", scenario.scenarioName(), cpu.toNanos() / 1e9,
					network);
			if (controlPort > 0) {
				long[] counts = LatencyProxy.counts(controlPort);
				System.out.printf(Locale.ROOT, "roundtrips\t%s\tjdbc\t%s\t%d\t%d\t%d%n", scenario.scenarioName(),
						network, counts[0] - countsBefore[0], result.requests(), counts[1] - countsBefore[1]);
			}
		}
	}

	private static Duration processCpuTime() {
		return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
	}

	private static LoadResult drive(DataSource dataSource, JdbcScenario scenario, JdbcScenario.Workload workload,
			int workers, String network, Duration duration) throws InterruptedException, ExecutionException {
		long started = System.nanoTime();
		long deadline = started + duration.toNanos();
		List<Future<WorkerResult>> futures = new ArrayList<>();
		try (ExecutorService executor = Executors.newFixedThreadPool(workers)) {
			for (int i = 0; i < workers; i++) {
				futures.add(executor.submit(() -> work(dataSource, scenario, workload, deadline)));
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		Histogram latencies = new Histogram(HIGHEST_TRACKABLE_MICROS, 3);
		long errors = 0;
		for (Future<WorkerResult> future : futures) {
			WorkerResult result = future.get();
			latencies.add(result.latencies());
			errors += result.errors();
		}
		return new LoadResult(scenario.scenarioName(), "jdbc", latencies.getTotalCount(), seconds,
				latencies.getValueAtPercentile(50), latencies.getValueAtPercentile(99),
				latencies.getValueAtPercentile(99.9), errors, network);
	}

	private static WorkerResult work(DataSource dataSource, JdbcScenario scenario, JdbcScenario.Workload workload,
			long deadline) {
		Histogram latencies = new Histogram(HIGHEST_TRACKABLE_MICROS, 3);
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long errors = 0;
		long start = System.nanoTime();
		while (start < deadline) {
			try {
				scenario.execute(dataSource, workload, random);
			}
			catch (SQLException ex) {
				errors++;
				if (errors == 1) {
					System.err.printf("First failure of %s: %s%n", scenario.scenarioName(), ex.getMessage());
				}
			}
			long end = System.nanoTime();
			latencies.recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(end - start), HIGHEST_TRACKABLE_MICROS));
			start = end;
		}
		return new WorkerResult(latencies, errors);
	}

	private record WorkerResult(Histogram latencies, long errors) {

	}

}
