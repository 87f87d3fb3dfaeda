package com.example.petclinic.dsql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Opens sessions through a pool at the same time, as the AWS sample's concurrency test
 * does.
 */
final class ConcurrentSessions {

	private ConcurrentSessions() {
	}

	/**
	 * The distinct session ids that {@code count} concurrent sessions saw. Each session
	 * holds its connection until all of them have one, so no connection is borrowed
	 * twice.
	 */
	static Set<String> distinctIds(DataSource pool, int count, String sessionIdQuery) throws Exception {
		CyclicBarrier allOpen = new CyclicBarrier(count);
		Callable<String> session = () -> {
			try (Connection connection = pool.getConnection();
					Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery(sessionIdQuery)) {
				result.next();
				String id = result.getString(1);
				allOpen.await(30, TimeUnit.SECONDS);
				return id;
			}
		};
		Set<String> ids = new HashSet<>();
		try (ExecutorService sessions = Executors.newFixedThreadPool(count)) {
			List<Future<String>> running = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				running.add(sessions.submit(session));
			}
			for (Future<String> id : running) {
				ids.add(id.get());
			}
		}
		return ids;
	}

	/**
	 * Shortens the pool's max lifetime, so that the connection the pool opens next is
	 * replaced after {@code maxLifetime}: HikariCP refuses a max lifetime under 30 s at
	 * start, but applies a changed one to the connections it opens from then on.
	 * @return the session id of that connection
	 */
	static String openShortLivedSession(HikariDataSource pool, long maxLifetime, String sessionIdQuery)
			throws Exception {
		pool.getConnection().close();
		pool.getHikariConfigMXBean().setMaxLifetime(maxLifetime);
		pool.getHikariPoolMXBean().softEvictConnections();
		try (Connection connection = pool.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sessionIdQuery)) {
			result.next();
			return result.getString(1);
		}
	}

	/**
	 * Sizes a pool for a test and starts it: a borrower waits at most the token's
	 * lifetime (and at most 5 s) for a connection.
	 */
	static DsqlTokenDataSource started(DsqlTokenDataSource pool, Duration tokenLifetime, int minimumIdle,
			int maximumSize) {
		pool.setMinimumIdle(minimumIdle);
		pool.setMaximumPoolSize(maximumSize);
		pool.setConnectionTimeout(Math.min(tokenLifetime.toMillis(), 5000));
		pool.afterPropertiesSet();
		return pool;
	}

}
