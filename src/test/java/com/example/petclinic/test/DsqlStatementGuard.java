package com.example.petclinic.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestComponent;

/**
 * Refuses, in tests, every statement that PostgreSQL accepts but Aurora DSQL would
 * reject, so that a test on PostgreSQL fails where the service would fail on DSQL. It
 * sees every statement sent through the service's data source, Liquibase's included.
 * <p>
 * A statement that breaks a rule is stopped before it reaches the database with a
 * {@link DsqlIncompatibleStatementException}, and the violation is recorded: tests
 * annotated {@link PetClinicIntegrationTest} fail afterwards when any was recorded (see
 * {@link DsqlFidelityCheck}), even if the service swallowed the exception. The one rule
 * that can only be checked afterwards, 3,000 rows written per transaction, fails the
 * statement that crossed the limit.
 * <p>
 * Rules (DSQL-NOTES §2 and §3): no {@code TRUNCATE}, savepoints, advisory locks,
 * temporary tables, {@code SERIAL} types, {@code LOCK TABLE}, {@code CREATE INDEX
 * CONCURRENTLY}, {@code FOR SHARE} or {@code FOR NO KEY UPDATE}; one DDL statement per
 * transaction and never DDL with DML (writes) in the same one; at most 3,000 rows written
 * per transaction; and, when the changelog parameter {@code createIndex} is DSQL's
 * {@code CREATE INDEX ASYNC}, no synchronous {@code CREATE INDEX}.
 */
@TestComponent
public class DsqlStatementGuard implements QueryExecutionListener, MethodExecutionListener {

	static final int MAX_ROWS_WRITTEN_PER_TRANSACTION = 3_000;

	private static final Pattern COMMENTS = Pattern.compile("--[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);

	private static final List<Rule> RULES = List.of(
			new Rule("^TRUNCATE\\b", "TRUNCATE is not supported; delete the rows in chunks instead"),
			new Rule("\\bSAVEPOINT\\b", "savepoints are not supported"),
			new Rule("\\bPG_(TRY_)?ADVISORY_", "advisory locks are not supported"),
			new Rule("^CREATE\\s+((GLOBAL|LOCAL)\\s+)?(TEMP|TEMPORARY)\\s+TABLE\\b|\\bINTO\\s+(TEMP|TEMPORARY)\\b",
					"temporary tables are not supported"),
			new Rule("^(CREATE|ALTER)\\b.*\\b(SMALL|BIG)?SERIAL[248]?\\b",
					"SERIAL types are not supported; use UUID keys or an identity column"),
			new Rule("^LOCK\\b", "LOCK TABLE is not supported"),
			new Rule("^CREATE\\s+(UNIQUE\\s+)?INDEX\\s+CONCURRENTLY\\b",
					"CREATE INDEX CONCURRENTLY is not supported; use CREATE INDEX ASYNC"),
			new Rule("\\bFOR\\s+(NO\\s+KEY\\s+UPDATE|SHARE)\\b",
					"only FOR UPDATE and FOR KEY SHARE row locks are supported"));

	private static final Pattern SYNCHRONOUS_INDEX = Pattern
		.compile("^CREATE\\s+(UNIQUE\\s+)?INDEX\\b(?!\\s+ASYNC\\b)");

	private static final Pattern DDL = Pattern.compile("^(CREATE|ALTER|DROP|COMMENT|GRANT|REVOKE)\\b");

	private static final Pattern WRITE = Pattern.compile("^(WITH\\b.*\\b)?(INSERT|UPDATE|DELETE|MERGE|COPY)\\b");

	private static final Pattern TRANSACTION_END = Pattern.compile("^(COMMIT|ROLLBACK|END|ABORT)\\b");

	private final boolean asyncIndexesRequired;

	private final Map<String, TransactionState> transactions = new ConcurrentHashMap<>();

	private final List<String> violations = new ArrayList<>();

	@Autowired
	DsqlStatementGuard(@Value("${spring.liquibase.parameters.createIndex:CREATE INDEX}") String createIndex) {
		this(createIndex.toUpperCase(Locale.ROOT).contains("ASYNC"));
	}

	DsqlStatementGuard(boolean asyncIndexesRequired) {
		this.asyncIndexesRequired = asyncIndexesRequired;
	}

	/**
	 * The violations recorded since the last call, which forgets them.
	 */
	public synchronized List<String> takeViolations() {
		List<String> taken = List.copyOf(this.violations);
		this.violations.clear();
		return taken;
	}

	@Override
	public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		boolean inTransaction = inTransaction(execution.getStatement());
		for (QueryInfo query : queries) {
			statement(execution.getConnectionId(), query.getQuery(), inTransaction);
		}
	}

	@Override
	public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		if (!execution.isSuccess() || queries.isEmpty()) {
			return;
		}
		rowsWritten(execution.getConnectionId(), queries.get(0).getQuery(), rowCount(execution),
				inTransaction(execution.getStatement()));
	}

	@Override
	public void beforeMethod(MethodExecutionContext context) {
		if (context.getTarget() instanceof Connection && context.getMethod().getName().contains("Savepoint")) {
			violation("Connection." + context.getMethod().getName() + "()", "savepoints are not supported");
		}
	}

	@Override
	public void afterMethod(MethodExecutionContext context) {
		if (context.getTarget() instanceof Connection && context.getConnectionInfo() != null) {
			String method = context.getMethod().getName();
			boolean endsTransaction = switch (method) {
				case "commit", "close", "setAutoCommit" -> true;
				case "rollback" -> context.getMethodArgs() == null || context.getMethodArgs().length == 0;
				default -> false;
			};
			if (endsTransaction) {
				transactionEnded(context.getConnectionInfo().getConnectionId());
			}
		}
	}

	/**
	 * Checks a statement before it is sent.
	 * @param inTransaction whether it runs in an explicit transaction (auto-commit off);
	 * otherwise it is a transaction of its own
	 */
	void statement(String connectionId, String sql, boolean inTransaction) {
		String normalized = normalize(sql);
		for (Rule rule : RULES) {
			if (rule.pattern().matcher(normalized).find()) {
				violation(sql, rule.reason());
			}
		}
		if (this.asyncIndexesRequired && SYNCHRONOUS_INDEX.matcher(normalized).find()) {
			violation(sql, "indexes must be built with CREATE INDEX ASYNC");
		}
		if (TRANSACTION_END.matcher(normalized).find()) {
			transactionEnded(connectionId);
			return;
		}
		if (!inTransaction) {
			return;
		}
		TransactionState transaction = this.transactions.computeIfAbsent(connectionId, (id) -> new TransactionState());
		if (DDL.matcher(normalized).find()) {
			if (transaction.ddl > 0) {
				violation(sql, "a transaction may contain only one DDL statement");
			}
			if (transaction.writes > 0) {
				violation(sql, "a transaction may not mix DDL and DML");
			}
			transaction.ddl++;
		}
		else if (WRITE.matcher(normalized).find()) {
			if (transaction.ddl > 0) {
				violation(sql, "a transaction may not mix DDL and DML");
			}
			transaction.writes++;
		}
	}

	/**
	 * Counts the rows a statement wrote against its transaction's limit.
	 */
	void rowsWritten(String connectionId, String sql, long rows, boolean inTransaction) {
		if (rows <= 0 || !WRITE.matcher(normalize(sql)).find()) {
			return;
		}
		long total = rows;
		if (inTransaction) {
			TransactionState transaction = this.transactions.computeIfAbsent(connectionId,
					(id) -> new TransactionState());
			transaction.rowsWritten += rows;
			total = transaction.rowsWritten;
		}
		if (total > MAX_ROWS_WRITTEN_PER_TRANSACTION) {
			violation(sql, "a transaction may write at most %,d rows; this one has written %,d"
				.formatted(MAX_ROWS_WRITTEN_PER_TRANSACTION, total));
		}
	}

	void transactionEnded(String connectionId) {
		this.transactions.remove(connectionId);
	}

	private void violation(String sql, String reason) {
		String violation = "Aurora DSQL would reject this: %s%n  %s".formatted(reason, sql.strip());
		synchronized (this) {
			this.violations.add(violation);
		}
		throw new DsqlIncompatibleStatementException(violation);
	}

	private static String normalize(String sql) {
		return COMMENTS.matcher(sql).replaceAll(" ").strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
	}

	private static boolean inTransaction(@Nullable Statement statement) {
		try {
			return statement != null && !statement.getConnection().getAutoCommit();
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static long rowCount(ExecutionInfo execution) {
		Object result = execution.getResult();
		if (result instanceof Number count) {
			return count.longValue();
		}
		if (result instanceof int[] counts) {
			return Arrays.stream(counts).filter((count) -> count > 0).asLongStream().sum();
		}
		if (result instanceof long[] counts) {
			return Arrays.stream(counts).filter((count) -> count > 0).sum();
		}
		if (Boolean.FALSE.equals(result) && execution.getStatement() != null) {
			try {
				return Math.max(0, execution.getStatement().getUpdateCount());
			}
			catch (SQLException ex) {
				return 0;
			}
		}
		return 0;
	}

	private record Rule(Pattern pattern, String reason) {

		Rule(String regex, String reason) {
			this(Pattern.compile(regex, Pattern.DOTALL), reason);
		}

	}

	private static final class TransactionState {

		private int ddl;

		private int writes;

		private long rowsWritten;

	}

	/**
	 * A statement Aurora DSQL would reject, stopped before it reached the database.
	 */
	public static class DsqlIncompatibleStatementException extends RuntimeException {

		DsqlIncompatibleStatementException(String message) {
			super(message);
		}

	}

}
