package com.example.petclinic.dataset;

import java.io.PrintStream;
import java.time.Duration;

/**
 * A progress bar with the rate and the time left, redrawn in place on a terminal at most
 * five times a second, or written as a line every ten seconds when the output is not a
 * terminal (a log file, a container's output).
 */
final class LoadProgress {

	private static final int WIDTH = 30;

	private final PrintStream out;

	private final boolean terminal;

	private final String unit;

	private final long total;

	private final long started = System.nanoTime();

	private long shownAt;

	private long fromRun;

	LoadProgress(PrintStream out, boolean terminal, String unit, long total) {
		this.out = out;
		this.terminal = terminal;
		this.unit = unit;
		this.total = total;
	}

	/**
	 * @param done how many are in the database now
	 * @param skipped how many of them were there before this run
	 */
	void update(long done, long skipped) {
		long now = System.nanoTime();
		boolean last = done >= this.total;
		if (!last && now - this.shownAt < (this.terminal ? 200_000_000L : 10_000_000_000L)) {
			return;
		}
		this.shownAt = now;
		this.fromRun = done - skipped;
		String line = line(done, Duration.ofNanos(now - this.started));
		if (this.terminal) {
			this.out.print("\r" + line + (last ? System.lineSeparator() : ""));
		}
		else {
			this.out.println(line);
		}
		this.out.flush();
	}

	String line(long done, Duration elapsed) {
		double share = (this.total == 0) ? 1 : (double) done / this.total;
		int filled = (int) Math.round(share * WIDTH);
		double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-3);
		double rate = this.fromRun / seconds;
		String eta = (done >= this.total) ? "done in " + format(elapsed)
				: (rate > 0) ? "ETA " + format(Duration.ofSeconds((long) ((this.total - done) / rate))) : "ETA ?";
		return "load %s [%s%s] %3d%% %,d of %,d %s, %,.0f/s, %s".formatted(this.unit, "#".repeat(filled),
				".".repeat(WIDTH - filled), Math.round(share * 100), done, this.total, this.unit, rate, eta);
	}

	private static String format(Duration duration) {
		long seconds = duration.toSeconds();
		return (seconds >= 3600) ? "%dh %02dm".formatted(seconds / 3600, seconds % 3600 / 60)
				: (seconds >= 60) ? "%dm %02ds".formatted(seconds / 60, seconds % 60) : seconds + "s";
	}

}
