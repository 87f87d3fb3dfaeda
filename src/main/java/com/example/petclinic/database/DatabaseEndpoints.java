package com.example.petclinic.database;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database's endpoints, probed in the background, and the one that new work goes to.
 * <p>
 * With one endpoint, the probes tell whether the database can be reached: requests are
 * answered at once while it cannot, instead of each waiting for a connection that will
 * not come, and readiness says so. With two, the first is the primary (on Aurora DSQL,
 * the endpoint in the service's own Region) and the second its peer (the peered cluster's
 * endpoint in another Region; both are one strongly consistent database). Work goes to
 * the primary while it is up. Once it is down, work moves to the peer; once the primary
 * has been up again for {@link DatabaseProperties#failBackAfter()}, work moves back. Each
 * move is logged at {@code WARN} with both endpoints and the reason, counted in
 * {@value #SWITCHES}, and the pool work moved away from is emptied of idle connections,
 * which would otherwise be found broken one request at a time.
 * <p>
 * Faults that requests meet are {@linkplain #reportFault reported} here and bring the
 * next probe forward, so that a failing endpoint is found out well before the next
 * scheduled probe. They also empty the active endpoint's pool: what broke one connection
 * (a network fault, a restarted node) has usually broken the others made before it, and a
 * request run again would otherwise meet them one by one, each costing it an attempt.
 */
public class DatabaseEndpoints implements AutoCloseable {

	static final String SWITCHES = "petclinic.database.switches";

	static final String ENDPOINT_UP = "petclinic.database.endpoint.up";

	static final String ENDPOINT_ACTIVE = "petclinic.database.endpoint.active";

	private static final Logger logger = LoggerFactory.getLogger(DatabaseEndpoints.class);

	private static final Duration EARLIEST_EXTRA_PROBE = Duration.ofMillis(200);

	/**
	 * At most one emptying of the pool per second, however many requests fail: a pool
	 * refills at up to its size in new connections each time, and Aurora DSQL admits 100
	 * new connections per second per cluster.
	 */
	private static final Duration EARLIEST_EVICTION = Duration.ofSeconds(1);

	private final List<DatabaseEndpoint> endpoints;

	private final DatabaseProperties properties;

	private final @Nullable MeterRegistry meters;

	private final Clock clock;

	private final AtomicLong lastExtraProbe = new AtomicLong();

	private final AtomicLong lastEviction = new AtomicLong();

	private volatile DatabaseEndpoint active;

	private volatile @Nullable ScheduledExecutorService probes;

	public DatabaseEndpoints(List<DatabaseEndpoint> endpoints, DatabaseProperties properties,
			@Nullable MeterRegistry meters) {
		this(endpoints, properties, meters, Clock.systemUTC());
	}

	DatabaseEndpoints(List<DatabaseEndpoint> endpoints, DatabaseProperties properties, @Nullable MeterRegistry meters,
			Clock clock) {
		if (endpoints.isEmpty() || endpoints.size() > 2) {
			throw new IllegalArgumentException("One or two endpoints, not " + endpoints.size());
		}
		this.endpoints = List.copyOf(endpoints);
		this.properties = properties;
		this.meters = meters;
		this.clock = clock;
		this.active = endpoints.getFirst();
	}

	/**
	 * Probes every endpoint once, so that the first connection (the migration's) goes to
	 * one that works, then keeps probing in the background. Once only: later calls do
	 * nothing.
	 */
	public synchronized void start() {
		if (this.probes != null) {
			return;
		}
		this.endpoints.forEach(this::probe);
		if (!this.active.isUp()) {
			this.endpoints.stream().filter(DatabaseEndpoint::isUp).findFirst().ifPresent((up) -> this.active = up);
		}
		registerGauges();
		ScheduledExecutorService probes = Executors.newScheduledThreadPool(this.endpoints.size(),
				Thread.ofPlatform().name("database-probe-", 1).daemon().factory());
		long interval = this.properties.probeInterval().toMillis();
		for (DatabaseEndpoint endpoint : this.endpoints) {
			probes.scheduleWithFixedDelay(() -> probe(endpoint), interval, interval, TimeUnit.MILLISECONDS);
		}
		this.probes = probes;
	}

	/** Stops the probes; the pools are their owners' to close. */
	@Override
	public synchronized void close() {
		if (this.probes != null) {
			this.probes.shutdownNow();
		}
		this.endpoints.forEach(DatabaseEndpoint::closeProbeConnection);
	}

	/** The endpoint new work goes to. */
	public DatabaseEndpoint active() {
		return this.active;
	}

	public List<DatabaseEndpoint> all() {
		return this.endpoints;
	}

	/** Whether any endpoint answered its last probes. */
	public boolean isAvailable() {
		// Asked before every use case: a plain loop, no stream.
		for (DatabaseEndpoint endpoint : this.endpoints) {
			if (endpoint.isUp()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A request met a connection fault on a connection of {@code endpoint}: probe every
	 * endpoint now rather than at the next interval (at most once per 200 ms, however
	 * many requests fail) and, when a connection that was open broke, close that pool's
	 * connections (the idle ones now, those in use when they are returned; at most once a
	 * second), so that the request runs again on a fresh connection. A pool that only ran
	 * out of connections, or a database that refused new ones, keeps those it has.
	 */
	public void reportFault(DatabaseEndpoint endpoint, boolean connectionBroke) {
		long now = this.clock.millis();
		long evicted = this.lastEviction.get();
		if (connectionBroke && now - evicted >= EARLIEST_EVICTION.toMillis()
				&& this.lastEviction.compareAndSet(evicted, now)) {
			endpoint.evictConnections();
		}
		ScheduledExecutorService probes = this.probes;
		long last = this.lastExtraProbe.get();
		if (probes != null && now - last >= EARLIEST_EXTRA_PROBE.toMillis()
				&& this.lastExtraProbe.compareAndSet(last, now)) {
			for (DatabaseEndpoint each : this.endpoints) {
				try {
					probes.execute(() -> probe(each));
				}
				catch (RuntimeException ex) {
					// shutting down
				}
			}
		}
	}

	private void probe(DatabaseEndpoint endpoint) {
		try {
			Instant now = this.clock.instant();
			if (endpoint.probe(this.properties.probeTimeout(), this.properties.probeFailures(), now)) {
				if (endpoint.isUp()) {
					logger.info("Database endpoint {} is up", endpoint);
				}
				else {
					logger.warn("Database endpoint {} is down: {}", endpoint, endpoint.lastFault());
				}
			}
			chooseActive(now);
		}
		catch (RuntimeException ex) {
			logger.warn("Probing database endpoint {} failed", endpoint, ex);
		}
	}

	private synchronized void chooseActive(Instant now) {
		DatabaseEndpoint primary = this.endpoints.getFirst();
		DatabaseEndpoint current = this.active;
		if (current == primary) {
			if (!primary.isUp()) {
				this.endpoints.stream()
					.filter((endpoint) -> endpoint != primary && endpoint.isUp())
					.findFirst()
					.ifPresent((peer) -> switchTo(peer, "it is down: " + primary.lastFault()));
			}
		}
		else if (primary.isUp() && !current.isUp()) {
			switchTo(primary, "it is up and " + current + " is down: " + current.lastFault());
		}
		else if (primary.isUp() && !primary.since().plus(this.properties.failBackAfter()).isAfter(now)) {
			switchTo(primary, "it has been up for " + Duration.between(primary.since(), now).toSeconds() + " s");
		}
	}

	private void switchTo(DatabaseEndpoint next, String reason) {
		DatabaseEndpoint previous = this.active;
		this.active = next;
		DatabaseEndpoint primary = this.endpoints.getFirst();
		logger.warn("Database work moves from {} to {}, because {}", previous, next,
				(next == primary) ? "the primary " + reason : "the primary " + previous + " " + reason);
		previous.evictConnections();
		if (this.meters != null) {
			Counter.builder(SWITCHES)
				.description("Moves of new database work from one endpoint to another")
				.tag("from", previous.name())
				.tag("to", next.name())
				.register(this.meters)
				.increment();
		}
	}

	private void registerGauges() {
		MeterRegistry meters = this.meters;
		if (meters == null) {
			return;
		}
		for (DatabaseEndpoint endpoint : this.endpoints) {
			String region = Objects.requireNonNullElse(endpoint.region(), "");
			Gauge.builder(ENDPOINT_UP, endpoint, (e) -> e.isUp() ? 1 : 0)
				.description("Whether the database endpoint answered its last probes")
				.tags("endpoint", endpoint.name(), "region", region)
				.register(meters);
			Gauge.builder(ENDPOINT_ACTIVE, endpoint, (e) -> (this.active == e) ? 1 : 0)
				.description("Whether new database work goes to the endpoint")
				.tags("endpoint", endpoint.name(), "region", region)
				.register(meters);
		}
	}

}
