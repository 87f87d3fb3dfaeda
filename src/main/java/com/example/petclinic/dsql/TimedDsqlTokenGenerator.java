package com.example.petclinic.dsql;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Counts and times the tokens another generator signs, as the meter {@value #METER}
 * (Prometheus: {@code petclinic_dsql_tokens_seconds_count} and {@code _sum}): one token
 * per new physical connection, so its rate is the pool's connection churn and its time
 * the cost each new connection pays before it logs in.
 */
class TimedDsqlTokenGenerator implements DsqlTokenGenerator {

	static final String METER = "petclinic.dsql.tokens";

	private final DsqlTokenGenerator tokens;

	private final Timer timer;

	TimedDsqlTokenGenerator(DsqlTokenGenerator tokens, MeterRegistry registry) {
		this.tokens = tokens;
		this.timer = Timer.builder(METER)
			.description("IAM auth tokens signed, one for each new database connection")
			.register(registry);
	}

	@Override
	public String generateToken(String user, Duration lifetime) {
		return this.timer.record(() -> this.tokens.generateToken(user, lifetime));
	}

}
