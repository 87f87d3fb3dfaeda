package com.example.petclinic.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index builds that {@code CREATE INDEX ASYNC} started and that have not finished:
 * until they have, queries on the new tables run without their indexes, so the service
 * waits for them ({@code sys.wait_for_job}) before it serves. An instance that starts
 * while another one migrates waits for the same builds.
 */
public class AsyncIndexBuilds {

	private static final Logger logger = LoggerFactory.getLogger(AsyncIndexBuilds.class);

	private static final String UNFINISHED_JOBS = "SELECT job_id FROM sys.jobs WHERE status IN ('submitted', 'processing')";

	private static final Duration INDEX_BUILD_WAIT = Duration.ofHours(1);

	private final DataSource dataSource;

	public AsyncIndexBuilds(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Blocks until every unfinished index build has finished.
	 * @return how many builds were waited for
	 * @throws IllegalStateException when a build failed, leaving its index invalid
	 */
	public int awaitAll() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(true);
			List<String> jobs = unfinishedJobs(connection);
			if (jobs.isEmpty()) {
				return 0;
			}
			logger.info("Waiting for {} index build(s) started by the migration before serving: jobs {}", jobs.size(),
					jobs);
			// sys.wait_for_job answers when the build has finished, which on a populated
			// table takes longer than a request's socket timeout (15 s): the wait has a
			// bound of its own. The pool restores the connection's timeout when it is
			// returned.
			connection.setNetworkTimeout(Runnable::run, (int) INDEX_BUILD_WAIT.toMillis());
			List<String> failed = new ArrayList<>();
			try (PreparedStatement wait = connection.prepareStatement("SELECT sys.wait_for_job(?)")) {
				for (String job : jobs) {
					wait.setString(1, job);
					try (ResultSet result = wait.executeQuery()) {
						if (!result.next() || !result.getBoolean(1)) {
							failed.add(job);
						}
					}
				}
			}
			if (!failed.isEmpty()) {
				throw new IllegalStateException(("Index build job(s) %s failed, leaving their index invalid: see "
						+ "SELECT * FROM sys.jobs, drop the index and start the service again to rebuild it")
					.formatted(failed));
			}
			logger.info("All {} index build(s) finished", jobs.size());
			return jobs.size();
		}
	}

	private static List<String> unfinishedJobs(Connection connection) throws SQLException {
		List<String> jobs = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(UNFINISHED_JOBS)) {
			while (result.next()) {
				jobs.add(result.getString(1));
			}
		}
		return jobs;
	}

}
