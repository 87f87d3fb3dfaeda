package com.example.petclinic.database;

import java.time.Duration;

/**
 * {@code Retry-After} values.
 */
public final class RetryAfter {

	private RetryAfter() {
	}

	/** Whole seconds, rounded up and at least one, as {@code Retry-After} takes them. */
	public static String seconds(Duration retryAfter) {
		return Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
	}

}
