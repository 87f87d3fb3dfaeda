package com.example.petclinic.dsql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
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

}
