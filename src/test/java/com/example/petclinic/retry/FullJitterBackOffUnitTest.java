package com.example.petclinic.retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;

class FullJitterBackOffUnitTest {

	@Test
	void eachPauseIsDrawnFromZeroToACeilingThatGrowsExponentiallyUpToTheMaximum() {
		List<Long> bounds = new ArrayList<>();
		FullJitterBackOff backOff = new FullJitterBackOff(6, Duration.ofMillis(20), 2.0, Duration.ofMillis(500),
				(bound) -> {
					bounds.add(bound);
					return bound - 1;
				});

		List<Long> pauses = pauses(backOff.start());

		assertThat(bounds).containsExactly(21L, 41L, 81L, 161L, 321L, 501L);
		assertThat(pauses).containsExactly(20L, 40L, 80L, 160L, 320L, 500L);
	}

	@Test
	void randomPausesStayWithinTheirCeilingAndSpreadDownToZero() {
		SplittableRandom random = new SplittableRandom(42);
		FullJitterBackOff backOff = new FullJitterBackOff(4, Duration.ofMillis(20), 2.0, Duration.ofSeconds(1),
				random::nextLong);
		List<Long> firstPauses = new ArrayList<>();

		for (int run = 0; run < 1_000; run++) {
			List<Long> pauses = pauses(backOff.start());
			assertThat(pauses).hasSize(4);
			for (int retry = 0; retry < pauses.size(); retry++) {
				assertThat(pauses.get(retry)).isBetween(0L, backOff.ceiling(retry));
			}
			firstPauses.add(pauses.get(0));
		}

		assertThat(firstPauses).contains(0L, 20L);
		assertThat(firstPauses.stream().mapToLong(Long::longValue).average().orElseThrow()).isBetween(8.0, 12.0);
	}

	@Test
	void stopsAfterTheLastRetry() {
		BackOffExecution execution = new FullJitterBackOff(1, Duration.ofMillis(20), 2.0, Duration.ofSeconds(1),
				(bound) -> 0)
			.start();

		assertThat(execution.nextBackOff()).isZero();
		assertThat(execution.nextBackOff()).isEqualTo(BackOffExecution.STOP);
	}

	private static List<Long> pauses(BackOffExecution execution) {
		List<Long> pauses = new ArrayList<>();
		for (long pause = execution.nextBackOff(); pause != BackOffExecution.STOP; pause = execution.nextBackOff()) {
			pauses.add(pause);
		}
		return pauses;
	}

}
