package com.example.petclinic.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rolls back every changeset the changelog applied, newest first, with the rollback each
 * changeset declares, then drops Liquibase's own two tables. Each rollback is one DDL
 * statement committed on its own before its changelog row is deleted in a transaction of
 * its own, as DSQL requires. Tables are dropped, not emptied, so no transaction ever
 * touches more than DSQL's 3,000 rows, however much data they hold.
 */
public class LiquibaseRollback {

	private static final Logger logger = LoggerFactory.getLogger(LiquibaseRollback.class);

	private static final String CLASSPATH_PREFIX = "classpath:";

	private final DataSource dataSource;

	private final String changeLog;

	public LiquibaseRollback(DataSource dataSource, String changeLog) {
		this.dataSource = dataSource;
		this.changeLog = changeLog.startsWith(CLASSPATH_PREFIX) ? changeLog.substring(CLASSPATH_PREFIX.length())
				: changeLog;
	}

	/**
	 * @return how many changesets were rolled back
	 */
	public int rollBackAll() throws LiquibaseException, SQLException {
		int applied;
		List<String> liquibaseTables;
		// Closing Liquibase closes its connection too.
		try (Liquibase liquibase = new Liquibase(this.changeLog, new ClassLoaderResourceAccessor(),
				DatabaseFactory.getInstance()
					.findCorrectDatabaseImplementation(new JdbcConnection(this.dataSource.getConnection())))) {
			Database database = liquibase.getDatabase();
			applied = database.getRanChangeSetList().size();
			if (applied > 0) {
				liquibase.rollback(applied, (String) null);
			}
			liquibaseTables = List.of(database.getDatabaseChangeLogTableName(),
					database.getDatabaseChangeLogLockTableName());
		}
		logger.info("Rolled back {} changeset(s) of {}", applied, this.changeLog);
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			connection.setAutoCommit(true);
			for (String table : liquibaseTables) {
				statement.execute("DROP TABLE IF EXISTS " + table);
			}
		}
		logger.info("Dropped Liquibase's tables {}", liquibaseTables);
		return applied;
	}

}
