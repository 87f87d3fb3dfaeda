package com.example.petclinic.retry;

import java.time.Duration;
import java.util.function.LongUnaryOperator;

import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * Exponential back-off with full jitter: the pause before retry {@code n} (from 0) is
 * drawn uniformly from {@code [0, min(maxDelay, initialDelay * multiplier^n)]}. Clients
 * that lost a conflict on the same row spread over the whole interval instead of
 * clustering around one delay and colliding again, which is what AWS's analysis of
 * retries under contention ("Exponential Backoff and Jitter") found to need the fewest
 * attempts.
 */
final class FullJitterBackOff implements BackOff {

	private final long maxRetries;

	private final long initialDelayMillis;

	private final double multiplier;

	private final long maxDelayMillis;

	private final LongUnaryOperator randomBelow;

	/**
	 * @param randomBelow given a bound, a random number from {@code 0} (inclusive) to the
	 * bound (exclusive)
	 */
	FullJitterBackOff(long maxRetries, Duration initialDelay, double multiplier, Duration maxDelay,
			LongUnaryOperator randomBelow) {
		this.maxRetries = maxRetries;
		this.initialDelayMillis = initialDelay.toMillis();
		this.multiplier = multiplier;
		this.maxDelayMillis = maxDelay.toMillis();
		this.randomBelow = randomBelow;
	}

	@Override
	public BackOffExecution start() {
		return new BackOffExecution() {

			private long retries;

			@Override
			public long nextBackOff() {
				if (this.retries >= FullJitterBackOff.this.maxRetries) {
					return STOP;
				}
				long ceiling = ceiling(this.retries++);
				return FullJitterBackOff.this.randomBelow.applyAsLong(ceiling + 1);
			}

		};
	}

	/**
	 * The longest pause before retry {@code retry} (from 0).
	 */
	long ceiling(long retry) {
		double grown = this.initialDelayMillis * Math.pow(this.multiplier, retry);
		return (long) Math.min(this.maxDelayMillis, grown);
	}

}
