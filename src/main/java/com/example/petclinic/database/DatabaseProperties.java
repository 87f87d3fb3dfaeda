package com.example.petclinic.database;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the database's endpoints are watched and how requests that meet a database fault
 * are treated ({@code petclinic.database.*}).
 *
 * @param probeInterval pause between two probes of an endpoint
 * @param probeTimeout longest a probe waits for an endpoint to connect or answer
 * @param probeFailures probes in a row that must fail before an endpoint counts as down;
 * so an endpoint that fails is known to be down within {@code probe-failures} ×
 * ({@code probe-interval} + {@code probe-timeout})
 * @param failBackAfter how long the primary endpoint must have been up before work moves
 * back to it from the secondary, so that an endpoint that keeps failing and recovering
 * does not move work back and forth
 * @param faultAttempts attempts of a request that meets a database fault it may be run
 * again after, the first included
 * @param retryAfter what the {@code Retry-After} header of a {@code 503} tells a client
 * to wait
 * @param validateOnBorrow whether HikariCP checks a connection idle for over 500 ms
 * before handing it out, a round trip in front of the request (see
 * {@link PooledConnectionChecks}); off, a broken connection is found by the request,
 * which runs again on a fresh one
 */
@ConfigurationProperties("petclinic.database")
public record DatabaseProperties(@DefaultValue("1s") Duration probeInterval, @DefaultValue("2s") Duration probeTimeout,
		@DefaultValue("2") int probeFailures, @DefaultValue("30s") Duration failBackAfter,
		@DefaultValue("4") int faultAttempts, @DefaultValue("2s") Duration retryAfter,
		@DefaultValue("false") boolean validateOnBorrow) {

	public DatabaseProperties {
		if (probeFailures < 1) {
			throw new IllegalArgumentException(
					"petclinic.database.probe-failures must be at least 1, not " + probeFailures);
		}
		if (faultAttempts < 1) {
			throw new IllegalArgumentException(
					"petclinic.database.fault-attempts must be at least 1, not " + faultAttempts);
		}
	}

}
