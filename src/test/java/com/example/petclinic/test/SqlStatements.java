package com.example.petclinic.test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestComponent;

/**
 * Every SQL statement the service sends to the database, in order: the service's data
 * source is wrapped in a proxy that records them, and that passes each one through the
 * {@link DsqlStatementGuard}.
 */
@TestComponent
public class SqlStatements implements BeanPostProcessor, QueryExecutionListener {

	private final List<Statement> statements = new CopyOnWriteArrayList<>();

	private final DsqlStatementGuard guard;

	SqlStatements(DsqlStatementGuard guard) {
		this.guard = guard;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
			return ProxyDataSourceBuilder.create(dataSource)
				.name(beanName)
				.listener(this)
				.listener(this.guard)
				.methodListener(this.guard)
				.build();
		}
		return bean;
	}

	@Override
	public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
	}

	@Override
	public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		queryInfoList.forEach((query) -> this.statements.add(new Statement(query.getQuery(), parameters(query))));
	}

	// The values of a statement's first (or only) set of parameters, by position: the
	// setter's second argument, null for setNull.
	private static List<@Nullable Object> parameters(QueryInfo query) {
		if (query.getParametersList().isEmpty()) {
			return List.of();
		}
		List<ParameterSetOperation> operations = new ArrayList<>(query.getParametersList().get(0));
		operations.sort(Comparator.comparingInt((operation) -> ((Number) operation.getArgs()[0]).intValue()));
		List<@Nullable Object> values = new ArrayList<>();
		for (ParameterSetOperation operation : operations) {
			values.add(operation.getMethod().getName().equals("setNull") ? null : operation.getArgs()[1]);
		}
		return values;
	}

	public void clear() {
		this.statements.clear();
	}

	public List<String> recorded() {
		return this.statements.stream().map(Statement::sql).toList();
	}

	/**
	 * The statements with the values of their parameters, to run again elsewhere (with
	 * {@code EXPLAIN}, say).
	 */
	public List<Statement> recordedWithParameters() {
		return List.copyOf(this.statements);
	}

	/**
	 * One statement as sent, its parameters in the order of their placeholders.
	 */
	public record Statement(String sql, List<@Nullable Object> parameters) {

	}

}
