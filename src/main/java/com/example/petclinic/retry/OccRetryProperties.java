package com.example.petclinic.retry;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How write use cases are retried after losing an optimistic-concurrency conflict.
 *
 * @param maxAttempts attempts per request, the first included; {@code 1} turns retries
 * off
 * @param initialDelay longest pause before the first retry; each pause is drawn at random
 * from zero to its ceiling (full jitter), so that clients that collided once spread out
 * instead of colliding again in lockstep
 * @param multiplier growth of the pause's ceiling from one retry to the next
 * @param maxDelay highest ceiling of a pause between two attempts
 * @param retryAfter what the {@code Retry-After} header of a {@code 409} tells a client
 * to wait once the attempts are used up
 */
@ConfigurationProperties("petclinic.occ.retry")
public record OccRetryProperties(@DefaultValue("5") int maxAttempts, @DefaultValue("20ms") Duration initialDelay,
		@DefaultValue("2.0") double multiplier, @DefaultValue("1s") Duration maxDelay,
		@DefaultValue("1s") Duration retryAfter) {

	public OccRetryProperties {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException(
					"petclinic.occ.retry.max-attempts must be at least 1, not " + maxAttempts);
		}
	}

}
