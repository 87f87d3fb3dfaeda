package com.example.petclinic.test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The {@link TestDatabase} behind {@link FaultProxy fault proxies}: the service connects
 * through {@link #PRIMARY}, and a second endpoint of the same database is at
 * {@link #SECONDARY}, as two Regional endpoints of one multi-Region cluster are.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProxiedDatabase {

	private static final Pattern HOST_AND_PORT = Pattern.compile("//[^/:]+:(\\d+)/");

	public static final FaultProxy PRIMARY = FaultProxy.to("127.0.0.1", databasePort());

	public static final FaultProxy SECONDARY = FaultProxy.to("127.0.0.1", databasePort());

	@Bean
	@Primary
	JdbcConnectionDetails proxiedDatabaseConnectionDetails() {
		return through(PRIMARY);
	}

	/** The test database's connection details, through {@code proxy}. */
	public static PostgresConnectionDetails through(FaultProxy proxy) {
		PostgresConnectionDetails database = TestDatabase.connectionDetails();
		String url = HOST_AND_PORT.matcher(database.jdbcUrl()).replaceFirst("//127.0.0.1:" + proxy.port() + "/");
		return new PostgresConnectionDetails(url, database.username(), database.password());
	}

	private static int databasePort() {
		Matcher matcher = HOST_AND_PORT.matcher(TestDatabase.connectionDetails().jdbcUrl());
		if (!matcher.find()) {
			throw new IllegalStateException("No port in " + TestDatabase.connectionDetails().jdbcUrl());
		}
		return Integer.parseInt(matcher.group(1));
	}

	/** The test database itself, around the proxies: what is really stored. */
	public static JdbcClient direct() {
		PostgresConnectionDetails database = TestDatabase.connectionDetails();
		return JdbcClient
			.create(new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password()));
	}

	/**
	 * How many times each owner whose name starts with {@code prefix} is really stored:
	 * what a test that wrote through faults checks its clients were told.
	 */
	public static Map<String, Integer> ownersStoredByName(String prefix) {
		return direct().sql("select name, count(*) from owner where name like ? group by name")
			.param(prefix + "%")
			.query((row, number) -> Map.entry(row.getString(1), row.getInt(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** Both proxies back to passing everything, as a test that broke them leaves them. */
	public static void heal() {
		PRIMARY.pass();
		SECONDARY.pass();
	}

}
