package com.example.petclinic.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Ticker;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A token the decoder accepted is validated once, and trusted again only while it has not
 * expired and not longer than the cache's most; a refused token is checked every time.
 */
class ValidatedTokenCacheUnitTest {

	private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

	private final MovingTime time = new MovingTime();

	private final CountingDecoder decoder = new CountingDecoder();

	private final ValidatedTokenCache cache = new ValidatedTokenCache(this.decoder,
			new AuthProperties.TokenCache(100, Duration.ofMinutes(5)), this.time.clock(), this.time);

	@Test
	void aTokenUsedAgainIsNotValidatedAgain() {
		this.decoder.accept("a", NOW.plus(Duration.ofHours(1)));
		Jwt first = this.cache.decode("a");
		Jwt second = this.cache.decode("a");
		assertThat(second).isSameAs(first);
		assertThat(this.decoder.decoded).containsExactly("a");
	}

	@Test
	void eachTokenIsValidatedOnItsOwn() {
		this.decoder.accept("a", NOW.plus(Duration.ofHours(1)));
		this.decoder.accept("b", NOW.plus(Duration.ofHours(1)));
		this.cache.decode("a");
		this.cache.decode("b");
		assertThat(this.decoder.decoded).containsExactly("a", "b");
	}

	@Test
	void aRefusedTokenIsCheckedAndRefusedEveryTime() {
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.cache.decode("forged"));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.cache.decode("forged"));
		assertThat(this.decoder.decoded).containsExactly("forged", "forged");
	}

	@Test
	void aTokenIsValidatedAgainOnceItHasExpired() {
		this.decoder.accept("a", NOW.plus(Duration.ofMinutes(1)));
		this.cache.decode("a");
		this.time.pass(Duration.ofSeconds(59));
		this.cache.decode("a");
		assertThat(this.decoder.decoded).containsExactly("a");
		this.time.pass(Duration.ofSeconds(1));
		this.decoder.refuse("a");
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.cache.decode("a"));
		assertThat(this.decoder.decoded).containsExactly("a", "a");
	}

	@Test
	void aTokenIsTrustedForAtMostTheCachesMostAndThenValidatedAgain() {
		this.decoder.accept("a", NOW.plus(Duration.ofHours(1)));
		this.cache.decode("a");
		this.time.pass(Duration.ofMinutes(4));
		this.cache.decode("a");
		assertThat(this.decoder.decoded).containsExactly("a");
		this.time.pass(Duration.ofMinutes(1));
		this.cache.decode("a");
		assertThat(this.decoder.decoded).containsExactly("a", "a");
	}

	@Test
	void theExpiryIsCheckedOnEveryUseWhateverTheCachesOwnTickerSays() {
		this.decoder.accept("a", NOW.plus(Duration.ofMinutes(1)));
		this.cache.decode("a");
		this.time.passOnTheClockOnly(Duration.ofMinutes(1));
		this.decoder.refuse("a");
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.cache.decode("a"));
		assertThat(this.decoder.decoded).containsExactly("a", "a");
	}

	@Test
	void aTokenIsRememberedForNoLongerThanItHadLeftWhenItWasValidated() {
		this.decoder.accept("a", NOW.plus(Duration.ofMinutes(1)));
		this.cache.decode("a");
		this.time.passOnTheTickerOnly(Duration.ofMinutes(1));
		this.cache.decode("a");
		assertThat(this.decoder.decoded).containsExactly("a", "a");
	}

	@Test
	void aTokenWithoutExpiryIsNeverRemembered() {
		this.decoder.accept("a", null);
		this.cache.decode("a");
		this.cache.decode("a");
		assertThat(this.decoder.decoded).containsExactly("a", "a");
	}

	/** A decoder that accepts the tokens it was told to and records every call. */
	private static final class CountingDecoder implements JwtDecoder {

		private final Map<String, Jwt> accepted = new HashMap<>();

		private final List<String> decoded = new ArrayList<>();

		void accept(String token, @Nullable Instant expiresAt) {
			Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("alice").issuedAt(NOW);
			if (expiresAt != null) {
				jwt.expiresAt(expiresAt);
			}
			this.accepted.put(token, jwt.build());
		}

		void refuse(String token) {
			this.accepted.remove(token);
		}

		@Override
		public Jwt decode(String token) {
			this.decoded.add(token);
			Jwt jwt = this.accepted.get(token);
			if (jwt == null) {
				throw new BadJwtException("refused");
			}
			return jwt;
		}

	}

	/**
	 * The time of day and the cache's ticker, moved on together by the test, or one
	 * without the other to tell the cache's two checks of time apart.
	 */
	private static final class MovingTime implements Ticker {

		private Duration passed = Duration.ZERO;

		private Duration ticked = Duration.ZERO;

		void pass(Duration duration) {
			passOnTheClockOnly(duration);
			passOnTheTickerOnly(duration);
		}

		void passOnTheClockOnly(Duration duration) {
			this.passed = this.passed.plus(duration);
		}

		void passOnTheTickerOnly(Duration duration) {
			this.ticked = this.ticked.plus(duration);
		}

		Clock clock() {
			return new Clock() {

				@Override
				public ZoneOffset getZone() {
					return ZoneOffset.UTC;
				}

				@Override
				public Clock withZone(java.time.ZoneId zone) {
					throw new UnsupportedOperationException();
				}

				@Override
				public Instant instant() {
					return NOW.plus(MovingTime.this.passed);
				}

			};
		}

		@Override
		public long read() {
			return this.ticked.toNanos();
		}

	}

}
