package com.example.petclinic.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestComponent;

/**
 * Every SQL statement the service sends to the database, in order: the service's data
 * source is wrapped in a proxy that records them, and that passes each one through the
 * {@link DsqlStatementGuard}.
 */
@TestComponent
public class SqlStatements implements BeanPostProcessor, QueryExecutionListener {

	private final List<String> statements = new CopyOnWriteArrayList<>();

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
		queryInfoList.forEach((query) -> this.statements.add(query.getQuery()));
	}

	public void clear() {
		this.statements.clear();
	}

	public List<String> recorded() {
		return List.copyOf(this.statements);
	}

}
