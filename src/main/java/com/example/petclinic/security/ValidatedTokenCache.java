package com.example.petclinic.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A {@link JwtDecoder} that remembers the tokens its decoder accepted, by their exact
 * text, so that a caller's repeated requests with one token are validated once rather
 * than each time: parsing the token, checking its signature and its claims is most of
 * what security adds to a single-resource read.
 * <p>
 * A token is remembered until it expires ({@code exp}, without the decoder's allowance
 * for clock skew) or for {@code maxAge}, whichever comes first, and never beyond its own
 * life. A key the issuer withdraws is therefore still trusted for at most as long as the
 * decoder keeps a fetched key set (five minutes) plus {@code maxAge}. A token the decoder
 * refused is not remembered: it is refused again, checked again. At most {@code size}
 * tokens are remembered (Caffeine gives up first those least likely to be used again);
 * {@code size} 0 or {@code maxAge} 0 remembers none. Only the text of a token that was
 * valid is held, in memory, never written anywhere.
 */
final class ValidatedTokenCache implements JwtDecoder {

	/**
	 * The cache's name in its metrics: {@code cache.gets} (hits and misses),
	 * {@code cache.puts} (the tokens validated), {@code cache.size}, ...
	 */
	static final String METRIC_NAME = "jwt.validated";

	private final JwtDecoder decoder;

	private final Clock clock;

	private final Cache<String, Jwt> tokens;

	ValidatedTokenCache(JwtDecoder decoder, AuthProperties.TokenCache settings, @Nullable MeterRegistry meters) {
		this(decoder, settings, Clock.systemUTC(), Ticker.systemTicker());
		if (meters != null) {
			CaffeineCacheMetrics.monitor(meters, this.tokens, METRIC_NAME);
		}
	}

	ValidatedTokenCache(JwtDecoder decoder, AuthProperties.TokenCache settings, Clock clock, Ticker ticker) {
		this.decoder = decoder;
		this.clock = clock;
		this.tokens = Caffeine.newBuilder()
			.maximumSize(settings.size())
			.expireAfter(Expiry.writing((String text, Jwt token) -> lifetime(token, settings.maxAge())))
			.ticker(ticker)
			.recordStats()
			.build();
	}

	/**
	 * The token as the decoder accepted it, validated by the decoder only when it is not
	 * remembered, or no longer: concurrent first requests with one token wait for one
	 * validation, and the decoder's {@link JwtException} reaches the caller as it is.
	 */
	@Override
	public Jwt decode(String token) throws JwtException {
		AtomicBoolean validated = new AtomicBoolean();
		Jwt jwt = this.tokens.get(token, (text) -> {
			validated.set(true);
			return this.decoder.decode(text);
		});
		if (validated.get() || unexpired(jwt)) {
			return jwt;
		}
		// Kept by the cache's ticker past the token's expiry by the time of day: the
		// decoder judges it again (and refuses it, unless it is within its allowance for
		// clock skew).
		this.tokens.invalidate(token);
		return this.tokens.get(token, this.decoder::decode);
	}

	private Duration lifetime(Jwt token, Duration maxAge) {
		Instant expiresAt = token.getExpiresAt();
		if (expiresAt == null) {
			return Duration.ZERO;
		}
		Duration left = Duration.between(this.clock.instant(), expiresAt);
		return left.isNegative() ? Duration.ZERO : (left.compareTo(maxAge) < 0) ? left : maxAge;
	}

	// The cache's own clock is a ticker that measures intervals; the token's expiry is a
	// time of day, which this checks again on every use.
	private boolean unexpired(Jwt token) {
		Instant expiresAt = token.getExpiresAt();
		return expiresAt != null && this.clock.instant().isBefore(expiresAt);
	}

}
