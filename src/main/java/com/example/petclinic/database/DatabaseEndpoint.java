package com.example.petclinic.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.util.Credentials;
import org.jspecify.annotations.Nullable;

/**
 * One way into the database: a host with its own connection pool (on Aurora DSQL, one
 * Region's endpoint, whose pool signs auth tokens for that host and Region), and what the
 * probes last found out about it.
 * <p>
 * A probe runs {@code SELECT 1} on a connection of its own, held open between probes,
 * never one of the pool's: a pool whose connections are all busy (or all waiting on a
 * lock) says nothing about whether the database answers, and opening a connection per
 * probe would spend Aurora DSQL's connection rate (100 per second per cluster) and an
 * auth token each time.
 */
public final class DatabaseEndpoint {

	private static final Pattern HOST_AND_PORT = Pattern.compile("jdbc:postgresql://([^:/?,]+)(?::(\\d+))?");

	private final String name;

	private final @Nullable String region;

	private final HikariDataSource pool;

	private volatile State state = State.UNKNOWN;

	private volatile Instant since = Instant.now();

	private volatile @Nullable String lastFault;

	private int failuresInARow;

	private @Nullable Connection probeConnection;

	/**
	 * @param pool the endpoint's pool, whose JDBC URL, credentials and data source
	 * properties the probe connects with
	 * @param region the AWS Region of the endpoint, if it is in one
	 */
	public DatabaseEndpoint(HikariDataSource pool, @Nullable String region) {
		this.pool = pool;
		this.region = region;
		this.name = hostAndPort(pool.getJdbcUrl());
	}

	/** The endpoint's host and port. */
	public String name() {
		return this.name;
	}

	public @Nullable String region() {
		return this.region;
	}

	public HikariDataSource pool() {
		return this.pool;
	}

	public State state() {
		return this.state;
	}

	/** Since when the endpoint has been in its {@link #state()}. */
	public Instant since() {
		return this.since;
	}

	/** Whether the endpoint answered its last probes. */
	public boolean isUp() {
		return this.state == State.UP;
	}

	@Nullable String lastFault() {
		return this.lastFault;
	}

	@Override
	public String toString() {
		return (this.region != null) ? this.name + " (" + this.region + ")" : this.name;
	}

	/**
	 * Closes the pool's connections: the idle ones now, those in use when they are
	 * returned.
	 */
	void evictConnections() {
		HikariPoolMXBean pool = this.pool.getHikariPoolMXBean();
		if (pool != null) {
			pool.softEvictConnections();
		}
	}

	/**
	 * Probes the endpoint once and records the result: up at the first success, down
	 * after {@code failuresBeforeDown} failures in a row.
	 * @return whether the state changed
	 */
	synchronized boolean probe(Duration timeout, int failuresBeforeDown, Instant now) {
		try {
			Connection connection = probeConnection(timeout);
			connection.setNetworkTimeout(Runnable::run, (int) timeout.toMillis());
			try (Statement statement = connection.createStatement()) {
				statement.execute("SELECT 1");
			}
			this.failuresInARow = 0;
			return enter(State.UP, now);
		}
		catch (SQLException | RuntimeException ex) {
			closeProbeConnection();
			this.lastFault = DatabaseFaults.describe(ex);
			this.failuresInARow++;
			boolean down = this.failuresInARow >= failuresBeforeDown || this.state == State.UNKNOWN;
			return down && enter(State.DOWN, now);
		}
	}

	synchronized void closeProbeConnection() {
		Connection connection = this.probeConnection;
		this.probeConnection = null;
		if (connection != null) {
			try {
				connection.abort(Runnable::run);
			}
			catch (SQLException ex) {
				// it is being discarded
			}
		}
	}

	private boolean enter(State next, Instant now) {
		if (this.state == next) {
			return false;
		}
		this.state = next;
		this.since = now;
		return true;
	}

	private Connection probeConnection(Duration timeout) throws SQLException {
		Connection connection = this.probeConnection;
		if (connection == null || connection.isClosed()) {
			Properties properties = new Properties();
			properties.putAll(this.pool.getDataSourceProperties());
			Credentials credentials = this.pool.getCredentials();
			if (credentials.getUsername() != null) {
				properties.setProperty("user", credentials.getUsername());
			}
			if (credentials.getPassword() != null) {
				properties.setProperty("password", credentials.getPassword());
			}
			String seconds = Long.toString(Math.max(1, timeout.toSeconds()));
			properties.setProperty("connectTimeout", seconds);
			properties.setProperty("loginTimeout", seconds);
			properties.setProperty("socketTimeout", seconds);
			properties.setProperty("ApplicationName", "petclinic-probe");
			connection = DriverManager.getConnection(this.pool.getJdbcUrl(), properties);
			this.probeConnection = connection;
		}
		return connection;
	}

	private static String hostAndPort(String jdbcUrl) {
		Matcher matcher = HOST_AND_PORT.matcher(jdbcUrl);
		if (!matcher.lookingAt()) {
			return "database";
		}
		return matcher.group(1) + ":" + ((matcher.group(2) != null) ? matcher.group(2) : "5432");
	}

	/** What the probes found. */
	public enum State {

		/** Not probed yet. */
		UNKNOWN,

		UP,

		DOWN

	}

}
