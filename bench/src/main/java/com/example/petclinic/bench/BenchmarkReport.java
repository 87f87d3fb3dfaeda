package com.example.petclinic.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Markdown report of a run, from the tab-separated lines {@code bench/run.sh}
 * collects and JMH's CSV results, with every figure checked against the targets of the
 * issue.
 */
final class BenchmarkReport {

	private static final double MIN_OWNER_READ_RATIO = 0.40;

	/**
	 * With a JWT validated on every request, the owner read keeps at least this share.
	 */
	private static final double MIN_SECURED_OWNER_READ_RATIO = 0.90;

	private static final long MAX_P99_MICROS = 20_000;

	private static final long MAX_START_TO_READY_MILLIS = 3_000;

	private static final long MAX_RSS_KIB = 350 * 1024;

	private static final double MAX_TOKEN_MICROS = 100;

	/** A 1-minute load average above this before the run means others shared the CPUs. */
	private static final double QUIET_LOAD_AVERAGE = 0.5;

	private final Map<String, String> info = new LinkedHashMap<>();

	private final Map<String, LoadResult> service = new LinkedHashMap<>();

	private final Map<String, LoadResult> jdbc = new LinkedHashMap<>();

	private final Map<String, Double> cpuSeconds = new LinkedHashMap<>();

	private final Map<String, List<long[]>> starts = new LinkedHashMap<>();

	private final List<String[]> tokens = new ArrayList<>();

	/** Scenario to {median, min, max} milliseconds and the request, of one client. */
	private final Map<String, String[]> singleClient = new LinkedHashMap<>();

	private long maxRssKib;

	private long peakRssKib;

	private final PrintStream out;

	private BenchmarkReport(PrintStream out) {
		this.out = out;
	}

	static void print(Path results, Path jmhCsv, PrintStream out) throws IOException {
		BenchmarkReport report = new BenchmarkReport(out);
		report.read(results, jmhCsv);
		report.print();
	}

	private void read(Path results, Path jmhCsv) throws IOException {
		for (String line : Files.readAllLines(results)) {
			String[] fields = line.split("\t", -1);
			switch (fields[0]) {
				case "info" -> this.info.put(fields[1], fields[2]);
				case LoadResult.KIND -> {
					LoadResult result = LoadResult.parse(fields);
					(result.source().equals("jdbc") ? this.jdbc : this.service).put(result.scenario(), result);
				}
				case "cpu" -> this.cpuSeconds.put(fields[1] + "/" + fields[2], Double.parseDouble(fields[3]));
				case "start" -> this.starts.computeIfAbsent(fields[1], (variant) -> new ArrayList<>())
					.add(new long[] { Long.parseLong(fields[2]),
							fields[3].isEmpty() ? -1 : Math.round(Double.parseDouble(fields[3]) * 1000) });
				case "single" ->
					this.singleClient.put(fields[1], new String[] { fields[2], fields[3], fields[4], fields[5] });
				case "memory" -> {
					this.maxRssKib = Long.parseLong(fields[1]);
					this.peakRssKib = Long.parseLong(fields[2]);
				}
				default -> {
					// Lines of other kinds are the run's log, not figures.
				}
			}
		}
		if (Files.exists(jmhCsv)) {
			for (String line : Files.readAllLines(jmhCsv).stream().skip(1).toList()) {
				this.tokens.add(line.replace("\"", "").split(","));
			}
		}
	}

	private void print() {
		double loadBefore = Double.parseDouble(this.info.getOrDefault("load-before", "0").split(" ")[0]);
		this.out.printf("## Run of %s%s%n%n", this.info.getOrDefault("date", "?"),
				(loadBefore > QUIET_LOAD_AVERAGE) ? " (PRELIMINARY: the machine was busy)" : "");
		this.info.forEach((key, value) -> this.out.printf("- %s: %s%n", key, value));
		printSingleClient();
		printLoad();
		if (!this.starts.isEmpty()) {
			printStarts();
		}
		if (this.maxRssKib > 0 || !this.tokens.isEmpty()) {
			printMemoryAndTokens();
		}
		printTargets();
	}

	private void printSingleClient() {
		if (this.singleClient.isEmpty()) {
			return;
		}
		this.out.printf("%n### One client (sequential requests after the scenario's warm-up: median of 7)%n%n");
		this.out.println("| Scenario | Request | Median ms | Min ms | Max ms |");
		this.out.println("|---|---|---:|---:|---:|");
		this.singleClient.forEach((scenario, figures) -> this.out.printf("| %s | `%s` | %s | %s | %s |%n", scenario,
				figures[3], figures[0], figures[1], figures[2]));
	}

	private void printLoad() {
		this.out.printf(
				"%n### Throughput and latency (closed loop, %s connections, %s s per scenario after %s s of warm-up)%n%n",
				this.info.getOrDefault("connections", "?"), this.info.getOrDefault("duration", "?"),
				this.info.getOrDefault("warmup", "?"));
		this.out.println("| Scenario | Service req/s | p50 ms | p99 ms | p99.9 ms | Errors | CPU µs/req "
				+ "| JDBC req/s | JDBC p50 ms | JDBC p99 ms | JDBC p99.9 ms | JDBC errors | JDBC CPU µs/req "
				+ "| Service / JDBC |");
		this.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
		this.service.forEach((scenario, http) -> {
			Optional<LoadResult> raw = Optional.ofNullable(this.jdbc.get(scenario));
			this.out.printf(Locale.ROOT, "| %s | %.0f | %s | %s | %s | %d | %s | %s | %s | %s | %s | %s | %s | %s |%n",
					scenario, http.requestsPerSecond(), millis(http.p50Micros()), millis(http.p99Micros()),
					millis(http.p999Micros()), http.errors(), cpuPerRequest(http),
					raw.map((r) -> "%.0f".formatted(r.requestsPerSecond())).orElse("-"),
					raw.map((r) -> millis(r.p50Micros())).orElse("-"),
					raw.map((r) -> millis(r.p99Micros())).orElse("-"),
					raw.map((r) -> millis(r.p999Micros())).orElse("-"),
					raw.map((r) -> Long.toString(r.errors())).orElse("-"), raw.map(this::cpuPerRequest).orElse("-"),
					raw.map((r) -> percent(http.requestsPerSecond() / r.requestsPerSecond())).orElse("-"));
		});
	}

	/** CPU time of the service process, or of the JDBC baseline's, per request. */
	private String cpuPerRequest(LoadResult result) {
		Double seconds = this.cpuSeconds.get(result.scenario() + "/" + result.source());
		return (seconds != null) ? "%.0f".formatted(seconds * 1e6 / result.requests()) : "-";
	}

	private void printStarts() {
		this.out.printf("%n### Start to ready (process start to the first 200 of GET /api/specialties)%n%n");
		this.out
			.println("| Variant | Runs | Median ms | Min ms | Max ms | JVM's own \"process running for\", median ms |");
		this.out.println("|---|---:|---:|---:|---:|---:|");
		this.starts.forEach((variant, runs) -> {
			List<Long> ready = runs.stream().map((run) -> run[0]).sorted().toList();
			List<Long> jvm = runs.stream().map((run) -> run[1]).filter((ms) -> ms >= 0).sorted().toList();
			this.out.printf("| %s | %d | %d | %d | %d | %s |%n", variant, ready.size(), median(ready), ready.getFirst(),
					ready.getLast(), jvm.isEmpty() ? "-" : Long.toString(median(jvm)));
		});
	}

	private void printMemoryAndTokens() {
		this.out.printf("%n### Memory of the service process%n%n");
		this.out.printf("- VmRSS, highest sample (1 per second) during the load scenarios: %d MiB%n",
				this.maxRssKib / 1024);
		this.out.printf("- VmHWM (peak resident set since start) after the load scenarios: %d MiB%n",
				this.peakRssKib / 1024);
		this.out.printf("%n### DSQL IAM token generation (JMH, average time per token)%n%n");
		this.out.println("| Benchmark | µs/token | ± (99.9%) |");
		this.out.println("|---|---:|---:|");
		for (String[] row : this.tokens) {
			this.out.printf(Locale.ROOT, "| %s | %.2f | %.2f |%n", row[0].substring(row[0].lastIndexOf('.') + 1),
					Double.parseDouble(row[4]), Double.parseDouble(row[5]));
		}
	}

	private void printTargets() {
		this.out.printf("%n### Targets%n%n");
		this.out.println("| Target | Measured | Met |");
		this.out.println("|---|---|---|");
		LoadResult owner = this.service.get("owner");
		LoadResult ownerRaw = this.jdbc.get("owner");
		if (owner != null && ownerRaw != null) {
			double ratio = owner.requestsPerSecond() / ownerRaw.requestsPerSecond();
			target("Single-owner read throughput >= 40% of raw JDBC", percent(ratio), ratio >= MIN_OWNER_READ_RATIO);
		}
		LoadResult secured = this.service.get("owner-secured");
		if (owner != null && secured != null) {
			double ratio = secured.requestsPerSecond() / owner.requestsPerSecond();
			target("Single-owner read with JWT validation >= 90% of the open one",
					"%s (%.0f against %.0f req/s; CPU %s against %s µs/req)".formatted(percent(ratio),
							secured.requestsPerSecond(), owner.requestsPerSecond(), cpuPerRequest(secured),
							cpuPerRequest(owner)),
					ratio >= MIN_SECURED_OWNER_READ_RATIO);
		}
		this.service.forEach((scenario, http) -> target(
				"%s: p99 < 20 ms at %s connections, no errors".formatted(scenario, this.info.get("connections")),
				"p99 %s ms, %d errors".formatted(millis(http.p99Micros()), http.errors()),
				http.p99Micros() < MAX_P99_MICROS && http.errors() == 0));
		this.starts.forEach((variant, runs) -> {
			long median = median(runs.stream().map((run) -> run[0]).sorted().toList());
			target("Start to ready < 3 s (%s)".formatted(variant), "%d ms (median)".formatted(median),
					median < MAX_START_TO_READY_MILLIS);
		});
		if (this.maxRssKib > 0) {
			target("RSS < 350 MB at load", "%d MiB (highest VmRSS sample)".formatted(this.maxRssKib / 1024),
					this.maxRssKib < MAX_RSS_KIB);
		}
		for (String[] row : this.tokens) {
			double micros = Double.parseDouble(row[4]);
			target("Token generation < 100 µs (%s)".formatted(row[0].substring(row[0].lastIndexOf('.') + 1)),
					"%.2f µs".formatted(micros), micros < MAX_TOKEN_MICROS);
		}
	}

	private void target(String target, String measured, boolean met) {
		this.out.printf("| %s | %s | %s |%n", target, measured, met ? "yes" : "**NO**");
	}

	private static long median(List<Long> sorted) {
		return sorted.get(sorted.size() / 2);
	}

	private static String millis(long micros) {
		return String.format(Locale.ROOT, "%.2f", micros / 1000.0);
	}

	private static String percent(double ratio) {
		return String.format(Locale.ROOT, "%.0f%%", ratio * 100);
	}

}
