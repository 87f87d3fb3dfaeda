package com.example.petclinic.bench;

import java.util.Locale;

/**
 * One scenario's figures from one load generator: completed requests over the measured
 * time, latency percentiles in microseconds and failed requests. Written as the
 * tab-separated {@code http} line that {@code bench/wrk/scenario.lua} writes too.
 *
 * @param scenario the scenario's name
 * @param source {@code service} (over HTTP) or {@code jdbc} (the raw database path)
 * @param network {@code loopback} (straight to PostgreSQL) or {@code proxy} (through the
 * {@link LatencyProxy})
 */
record LoadResult(String scenario, String source, long requests, double seconds, long p50Micros, long p99Micros,
		long p999Micros, long errors, String network) {

	static final String KIND = "http";

	static final String LOOPBACK = "loopback";

	static final String PROXY = "proxy";

	double requestsPerSecond() {
		return this.requests / this.seconds;
	}

	String toLine() {
		return String.format(Locale.ROOT, "%s\t%s\t%s\t%d\t%.3f\t%d\t%d\t%d\t%d\t%s", KIND, this.scenario, this.source,
				this.requests, this.seconds, this.p50Micros, this.p99Micros, this.p999Micros, this.errors,
				this.network);
	}

	static LoadResult parse(String[] fields) {
		return new LoadResult(fields[1], fields[2], Long.parseLong(fields[3]), Double.parseDouble(fields[4]),
				Long.parseLong(fields[5]), Long.parseLong(fields[6]), Long.parseLong(fields[7]),
				Long.parseLong(fields[8]), (fields.length > 9) ? fields[9] : LOOPBACK);
	}

}
