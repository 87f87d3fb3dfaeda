package com.example.petclinic.dsql;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimedDsqlTokenGeneratorUnitTest {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void everySignedTokenIsCountedAndTimed() {
		DsqlTokenGenerator tokens = new TimedDsqlTokenGenerator((user, lifetime) -> "token-for-" + user, this.registry);

		assertThat(tokens.generateToken("admin", Duration.ofMinutes(15))).isEqualTo("token-for-admin");
		tokens.generateToken("app", Duration.ofMinutes(15));

		Timer timer = this.registry.get(TimedDsqlTokenGenerator.METER).timer();
		assertThat(timer.count()).isEqualTo(2);
		assertThat(timer.totalTime(TimeUnit.NANOSECONDS)).isPositive();
	}

}
