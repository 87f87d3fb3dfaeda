package com.example.petclinic.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The Markdown report of a run, from the tab-separated lines {@code bench/run.sh}
 * collects and JMH's CSV results, with every figure checked against the targets of the
 * issue.
 */
final class BenchmarkReport {

	private static final double MIN_OWNER_READ_RATIO = 0.40;

	/**
	 * Through the proxy (a network's round trip), each read keeps at least this share of
	 * the JDBC baseline's throughput.
	 */
	private static final double MIN_READ_RATIO_WITH_LATENCY = 0.70;

	private static final List<String> READ_SCENARIOS = List.of("owner", "owners-page", "vets");

	/**
	 * The fewest round trips per request: what the JDBC baseline issues, and the
	 * service's target.
	 */
	private static final Map<String, Double> FEWEST_ROUND_TRIPS = Map.of("owner", 1.0, "owners-page", 2.0, "vets", 2.0,
			"add-pet", 3.0, "mixed", 0.5 * 1 + 0.2 * 2 + 0.1 * 2 + 0.2 * 3);

	/**
	 * Round trips per request may exceed the fewest by this share: the service's
	 * background probes of the database and the requests wrk left unanswered when it
	 * stopped are counted too.
	 */
	private static final double ROUND_TRIP_TOLERANCE = 0.02;

	/**
	 * In the first seconds after ready, at least this share of steady-state throughput.
	 */
	private static final double MIN_WARM_UP_RATIO = 0.70;

	/**
	 * With a JWT in every request, the owner read keeps at least this share.
	 */
	private static final double MIN_SECURED_OWNER_READ_RATIO = 0.90;

	private static final long MAX_P99_MICROS = 20_000;

	private static final long MAX_START_TO_READY_MILLIS = 3_000;

	private static final long MAX_RSS_KIB = 350 * 1024;

	private static final double MAX_TOKEN_MICROS = 100;

	/** A 1-minute load average above this before the run means others shared the CPUs. */
	private static final double QUIET_LOAD_AVERAGE = 0.5;

	private final Map<String, String> info = new LinkedHashMap<>();

	/** Network ({@code loopback}, {@code proxy}) to scenario to the service's result. */
	private final Map<String, Map<String, LoadResult>> service = new LinkedHashMap<>();

	private final Map<String, Map<String, LoadResult>> jdbc = new LinkedHashMap<>();

	/**
	 * Scenario/source to {round trips, requests, answered messages}, through the proxy.
	 */
	private final Map<String, long[]> roundTrips = new LinkedHashMap<>();

	/**
	 * The proxy's status at the end: round trips, Syncs, Queries, connections, lateness.
	 */
	private String @Nullable [] proxy;

	/** Variant, start to ready ms, first and steady req/s, their errors. */
	private final List<String[]> warmUps = new ArrayList<>();

	/** Variant, highest VmRSS sample KiB, VmHWM KiB, the load. */
	private final List<String[]> containerMemory = new ArrayList<>();

	private final Map<String, Double> cpuSeconds = new LinkedHashMap<>();

	private final Map<String, List<long[]>> starts = new LinkedHashMap<>();

	private final List<String[]> tokens = new ArrayList<>();

	/**
	 * Scenario/network to {median, min, max} milliseconds, the request and the network,
	 * of one client.
	 */
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
					(result.source().equals("jdbc") ? this.jdbc : this.service)
						.computeIfAbsent(result.network(), (network) -> new LinkedHashMap<>())
						.put(result.scenario(), result);
				}
				case "cpu" -> this.cpuSeconds.put(
						fields[1] + "/" + fields[2] + "/" + ((fields.length > 4) ? fields[4] : LoadResult.LOOPBACK),
						Double.parseDouble(fields[3]));
				case "roundtrips" ->
					this.roundTrips.put(fields[1] + "/" + fields[2], new long[] { Long.parseLong(fields[4]),
							Long.parseLong(fields[5]), (fields.length > 6) ? Long.parseLong(fields[6]) : -1 });
				case "proxy" -> this.proxy = Arrays.copyOfRange(fields, 1, fields.length);
				case "warmup" -> this.warmUps.add(Arrays.copyOfRange(fields, 1, fields.length));
				case "container-memory" -> this.containerMemory.add(Arrays.copyOfRange(fields, 1, fields.length));
				case "start" -> this.starts.computeIfAbsent(fields[1], (variant) -> new ArrayList<>())
					.add(new long[] { Long.parseLong(fields[2]),
							fields[3].isEmpty() ? -1 : Math.round(Double.parseDouble(fields[3]) * 1000) });
				case "single" -> {
					String network = (fields.length > 6) ? fields[6] : LoadResult.LOOPBACK;
					this.singleClient.put(fields[1] + "/" + network,
							new String[] { fields[2], fields[3], fields[4], fields[5], network, fields[1] });
				}
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
		this.service.keySet().forEach(this::printLoad);
		if (this.service.containsKey(LoadResult.PROXY)) {
			printRoundTrips();
			printLatencies();
		}
		if (!this.starts.isEmpty()) {
			printStarts();
		}
		if (!this.warmUps.isEmpty()) {
			printWarmUps();
		}
		if (this.maxRssKib > 0 || !this.containerMemory.isEmpty()) {
			printMemory();
		}
		if (!this.tokens.isEmpty()) {
			printTokens();
		}
		printTargets();
	}

	private void printSingleClient() {
		if (this.singleClient.isEmpty()) {
			return;
		}
		this.out.printf("%n### One client (sequential requests after the scenario's warm-up: median of 7)%n%n");
		this.out.println("| Scenario | Network | Request | Median ms | Min ms | Max ms |");
		this.out.println("|---|---|---|---:|---:|---:|");
		this.singleClient.values()
			.forEach((figures) -> this.out.printf("| %s | %s | `%s` | %s | %s | %s |%n", figures[5],
					networkName(figures[4]), figures[3], figures[0], figures[1], figures[2]));
	}

	private void printLoad(String network) {
		this.out.printf(
				"%n### Throughput and latency %s (closed loop, %s connections, %s s per scenario after %s s of warm-up)%n%n",
				networkName(network), this.info.getOrDefault("connections", "?"),
				this.info.getOrDefault("duration", "?"), this.info.getOrDefault("warmup", "?"));
		this.out.println("| Scenario | Service req/s | p50 ms | p99 ms | p99.9 ms | Errors | CPU µs/req "
				+ "| JDBC req/s | JDBC p50 ms | JDBC p99 ms | JDBC p99.9 ms | JDBC errors | JDBC CPU µs/req "
				+ "| Service / JDBC |");
		this.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
		this.service.get(network).forEach((scenario, http) -> {
			Optional<LoadResult> raw = jdbc(network, scenario);
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
		Double seconds = this.cpuSeconds.get(result.scenario() + "/" + result.source() + "/" + result.network());
		return (seconds != null) ? "%.0f".formatted(seconds * 1e6 / result.requests()) : "-";
	}

	private Optional<LoadResult> service(String network, String scenario) {
		return Optional.ofNullable(this.service.getOrDefault(network, Map.of()).get(scenario));
	}

	private Optional<LoadResult> jdbc(String network, String scenario) {
		return Optional.ofNullable(this.jdbc.getOrDefault(network, Map.of()).get(scenario));
	}

	private double latencyMillis() {
		return Double.parseDouble(this.info.getOrDefault("latency-ms", "0.5"));
	}

	private String networkName(String network) {
		return network.equals(LoadResult.PROXY) ? "through the proxy, %s ms RTT".formatted(rtt()) : "on " + network;
	}

	/** The round trip time the proxy adds, in milliseconds. */
	private String rtt() {
		return String.format(Locale.ROOT, "%.3g", 2 * latencyMillis());
	}

	private Optional<Double> roundTripsPerRequest(String scenario, String source) {
		return Optional.ofNullable(this.roundTrips.get(scenario + "/" + source))
			.filter((figures) -> figures[1] > 0)
			.map((figures) -> (double) figures[0] / figures[1]);
	}

	/** Syncs and simple Queries per request: what the server answers. */
	private Optional<Double> answeredPerRequest(String scenario, String source) {
		return Optional.ofNullable(this.roundTrips.get(scenario + "/" + source))
			.filter((figures) -> figures[1] > 0 && figures[2] >= 0)
			.map((figures) -> (double) figures[2] / figures[1]);
	}

	/**
	 * The throughput a pool allows at the proxy's round trip time: connections / (round
	 * trips per request × RTT), whatever the CPU.
	 */
	private String poolBound(Optional<Double> roundTrips) {
		int pool = poolSize();
		return roundTrips.filter((trips) -> trips > 0 && pool > 0 && latencyMillis() > 0)
			.map((trips) -> "%.0f".formatted(pool / (trips * 2 * latencyMillis() / 1000)))
			.orElse("-");
	}

	private int poolSize() {
		String pool = this.info.getOrDefault("pool-size", "").split(" ")[0];
		return pool.matches("[0-9]+") ? Integer.parseInt(pool) : 0;
	}

	private void printRoundTrips() {
		this.out.printf("%n### Round trips per request (counted at the proxy)%n%n");
		this.out.printf("The measured window's round trips over its completed requests. A round trip is a wait for the "
				+ "server's answer; the server answers each Sync and simple Query, and one round trip may carry more "
				+ "than one (PgJDBC sends a transaction's BEGIN as a Query with the first statement), so both are "
				+ "shown. The bound is what a pool of %d connections allows at %s ms RTT: connections / (round trips "
				+ "× RTT).%n%n", poolSize(), rtt());
		this.out.println("| Scenario | Service | JDBC baseline | Fewest | Service: Syncs + Queries "
				+ "| JDBC: Syncs + Queries | Service's pool bound req/s | JDBC's pool bound req/s |");
		this.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
		this.service.get(LoadResult.PROXY).keySet().forEach((scenario) -> {
			Optional<Double> service = roundTripsPerRequest(scenario, "service");
			Optional<Double> jdbc = roundTripsPerRequest(scenario, "jdbc");
			this.out.printf("| %s | %s | %s | %s | %s | %s | %s | %s |%n", scenario,
					service.map(BenchmarkReport::trips).orElse("-"), jdbc.map(BenchmarkReport::trips).orElse("-"),
					Optional.ofNullable(FEWEST_ROUND_TRIPS.get(scenario)).map(BenchmarkReport::trips).orElse("-"),
					answeredPerRequest(scenario, "service").map(BenchmarkReport::trips).orElse("-"),
					answeredPerRequest(scenario, "jdbc").map(BenchmarkReport::trips).orElse("-"), poolBound(service),
					poolBound(jdbc));
		});
		String[] proxy = this.proxy;
		if (proxy != null && proxy.length >= 6) {
			this.out.printf(
					"%nThe proxy delayed each chunk %s ms each way and forwarded it on average %s µs after it was "
							+ "due (at most %s µs; a busy machine wakes its threads late), over %s connections.%n",
					this.info.getOrDefault("latency-ms", "?"), proxy[4], proxy[5], proxy[3]);
		}
	}

	private void printLatencies() {
		this.out.printf("%n### Throughput at each latency (req/s)%n%n");
		this.out.printf("| Scenario | Loopback: service | JDBC | Service / JDBC | %s ms RTT: service | JDBC "
				+ "| Service / JDBC | Service at %s ms RTT / loopback |%n", rtt(), rtt());
		this.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
		this.service.get(LoadResult.PROXY).forEach((scenario, proxied) -> {
			Optional<LoadResult> loopback = service(LoadResult.LOOPBACK, scenario);
			Optional<LoadResult> loopbackRaw = jdbc(LoadResult.LOOPBACK, scenario);
			Optional<LoadResult> proxiedRaw = jdbc(LoadResult.PROXY, scenario);
			this.out.printf("| %s | %s | %s | %s | %s | %s | %s | %s |%n", scenario, throughput(loopback),
					throughput(loopbackRaw), ratio(loopback, loopbackRaw), throughput(Optional.of(proxied)),
					throughput(proxiedRaw), ratio(Optional.of(proxied), proxiedRaw),
					ratio(Optional.of(proxied), loopback));
		});
	}

	private static String throughput(Optional<LoadResult> result) {
		return result.map((r) -> "%.0f".formatted(r.requestsPerSecond())).orElse("-");
	}

	private static String ratio(Optional<LoadResult> result, Optional<LoadResult> to) {
		return (result.isPresent() && to.isPresent())
				? percent(result.get().requestsPerSecond() / to.get().requestsPerSecond()) : "-";
	}

	private static String trips(double trips) {
		return String.format(Locale.ROOT, "%.2f", trips);
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

	private void printWarmUps() {
		this.out.printf("%n### Warm-up: the owner read right after ready (%s)%n%n",
				this.info.getOrDefault("container", "the container's configuration"));
		this.out.println("| Variant | Start to ready ms | First window req/s | Steady state req/s | First / steady "
				+ "| Errors (first, steady) |");
		this.out.println("|---|---:|---:|---:|---:|---:|");
		for (String[] run : this.warmUps) {
			this.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.0f | %s | %s, %s |%n", run[0], run[1],
					Double.parseDouble(run[2]), Double.parseDouble(run[3]), percent(warmUpRatio(run)), run[4], run[5]);
		}
	}

	private static double warmUpRatio(String[] run) {
		return Double.parseDouble(run[2]) / Double.parseDouble(run[3]);
	}

	private void printMemory() {
		this.out.printf("%n### Memory of the service process%n%n");
		if (this.maxRssKib > 0) {
			this.out.printf("With the JVM's defaults on the host, during the load scenarios on loopback:%n%n");
			this.out.printf("- VmRSS, highest sample (1 per second) during the load scenarios: %d MiB%n",
					this.maxRssKib / 1024);
			this.out.printf("- VmHWM (peak resident set since start) after the load scenarios: %d MiB%n",
					this.peakRssKib / 1024);
		}
		if (!this.containerMemory.isEmpty()) {
			this.out.printf("%nIn the container's configuration (%s), sampled every second from ready on:%n%n",
					this.info.getOrDefault("container", "?"));
			this.out.println("| Variant | Load | VmRSS, highest sample MiB | VmHWM MiB | Target MiB |");
			this.out.println("|---|---|---:|---:|---:|");
			for (String[] run : this.containerMemory) {
				this.out.printf("| %s | %s | %s | %s | %d |%n", run[0], run[3], mebibytes(run[1]), mebibytes(run[2]),
						MAX_RSS_KIB / 1024);
			}
		}
	}

	private static String mebibytes(String kibibytes) {
		return kibibytes.isEmpty() ? "-" : Long.toString(Long.parseLong(kibibytes) / 1024);
	}

	private void printTokens() {
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
		Map<String, LoadResult> loopback = this.service.getOrDefault(LoadResult.LOOPBACK, Map.of());
		LoadResult owner = loopback.get("owner");
		LoadResult ownerRaw = jdbc(LoadResult.LOOPBACK, "owner").orElse(null);
		if (owner != null && ownerRaw != null) {
			double ratio = owner.requestsPerSecond() / ownerRaw.requestsPerSecond();
			target("Single-owner read throughput >= 40% of raw JDBC (loopback)", percent(ratio),
					ratio >= MIN_OWNER_READ_RATIO);
		}
		for (String scenario : READ_SCENARIOS) {
			Optional<LoadResult> proxied = service(LoadResult.PROXY, scenario);
			Optional<LoadResult> raw = jdbc(LoadResult.PROXY, scenario);
			if (proxied.isPresent() && raw.isPresent()) {
				double ratio = proxied.get().requestsPerSecond() / raw.get().requestsPerSecond();
				target("%s at %s ms RTT >= 70%% of raw JDBC".formatted(scenario, rtt()), "%s (%.0f against %.0f req/s)"
					.formatted(percent(ratio), proxied.get().requestsPerSecond(), raw.get().requestsPerSecond()),
						ratio >= MIN_READ_RATIO_WITH_LATENCY);
			}
		}
		this.service.getOrDefault(LoadResult.PROXY, Map.of()).keySet().forEach((scenario) -> {
			Double fewest = FEWEST_ROUND_TRIPS.get(scenario);
			if (fewest == null) {
				return;
			}
			roundTripsPerRequest(scenario, "service")
				.ifPresent((trips) -> target("%s: round trips per request <= %s".formatted(scenario, trips(fewest)),
						"%s (JDBC baseline %s)".formatted(trips(trips),
								roundTripsPerRequest(scenario, "jdbc").map(BenchmarkReport::trips).orElse("-")),
						trips <= fewest * (1 + ROUND_TRIP_TOLERANCE)));
		});
		LoadResult secured = loopback.get("owner-secured");
		if (owner != null && secured != null) {
			double ratio = secured.requestsPerSecond() / owner.requestsPerSecond();
			target("Single-owner read with JWT validation >= 90% of the open one",
					"%s (%.0f against %.0f req/s; CPU %s against %s µs/req)".formatted(percent(ratio),
							secured.requestsPerSecond(), owner.requestsPerSecond(), cpuPerRequest(secured),
							cpuPerRequest(owner)),
					ratio >= MIN_SECURED_OWNER_READ_RATIO);
		}
		loopback.forEach((scenario, http) -> target(
				"%s: p99 < 20 ms at %s connections, no errors (loopback)".formatted(scenario,
						this.info.get("connections")),
				"p99 %s ms, %d errors".formatted(millis(http.p99Micros()), http.errors()),
				http.p99Micros() < MAX_P99_MICROS && http.errors() == 0));
		this.starts.forEach((variant, runs) -> {
			long median = median(runs.stream().map((run) -> run[0]).sorted().toList());
			target("Start to ready < 3 s (%s)".formatted(variant), "%d ms (median)".formatted(median),
					median < MAX_START_TO_READY_MILLIS);
		});
		for (String[] run : this.warmUps) {
			target("First window >= 70%% of steady state (%s)".formatted(run[0]), "%s (%.0f against %.0f req/s)"
				.formatted(percent(warmUpRatio(run)), Double.parseDouble(run[2]), Double.parseDouble(run[3])),
					warmUpRatio(run) >= MIN_WARM_UP_RATIO);
		}
		if (!this.containerMemory.isEmpty()) {
			// The image's configuration, under the whole load, is the one the target is
			// for.
			String[] run = this.containerMemory.stream()
				.filter((memory) -> memory[0].contains("image"))
				.findFirst()
				.orElse(this.containerMemory.getFirst());
			long highest = Math.max(parseOrZero(run[1]), parseOrZero(run[2]));
			target("RSS < 350 MiB at load in a %s container (%s)".formatted(containerLimit(), run[0]),
					"VmHWM %s MiB, highest VmRSS sample %s MiB".formatted(mebibytes(run[2]), mebibytes(run[1])),
					highest > 0 && highest < MAX_RSS_KIB);
		}
		else if (this.maxRssKib > 0) {
			target("RSS < 350 MiB at load (JVM defaults on the host)",
					"%d MiB (highest VmRSS sample)".formatted(this.maxRssKib / 1024), this.maxRssKib < MAX_RSS_KIB);
		}
		for (String[] row : this.tokens) {
			double micros = Double.parseDouble(row[4]);
			target("Token generation < 100 µs (%s)".formatted(row[0].substring(row[0].lastIndexOf('.') + 1)),
					"%.2f µs".formatted(micros), micros < MAX_TOKEN_MICROS);
		}
	}

	private String containerLimit() {
		return this.info.getOrDefault("container", "?").split(" ")[0];
	}

	private static long parseOrZero(String number) {
		return number.isEmpty() ? 0 : Long.parseLong(number);
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
