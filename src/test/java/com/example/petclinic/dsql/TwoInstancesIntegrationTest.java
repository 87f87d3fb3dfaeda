package com.example.petclinic.dsql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.petclinic.PetClinicApplication;
import com.example.petclinic.test.DsqlStatementGuard;
import com.example.petclinic.test.HttpExchange;
import com.example.petclinic.test.PostgresConnectionDetails;
import com.example.petclinic.test.SqlStatements;
import com.example.petclinic.test.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service started at the same moment against one new, empty
 * database, as when a deployment scales out: Liquibase's lock table lets only one of them
 * migrate, both serve, and their concurrent writes stay consistent.
 */
@ExtendWith(TestDatabase.class)
class TwoInstancesIntegrationTest {

	private static final Pattern DATABASE_IN_URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?$");

	private final String database = "petclinic_two_instances_" + Long.toHexString(System.nanoTime());

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	private final ExecutorService threads = Executors.newFixedThreadPool(4);

	private final Semaphore preparingOneAtATime = new Semaphore(1);

	private String url;

	@BeforeEach
	void createDatabase() throws SQLException {
		execute("CREATE DATABASE " + this.database);
		Matcher server = DATABASE_IN_URL.matcher(TestDatabase.connectionDetails().jdbcUrl());
		assertThat(server.matches()).isTrue();
		String parameters = (server.group(3) != null) ? server.group(3).replaceAll("[?&]currentSchema=[^&]*", "") : "";
		this.url = server.group(1) + this.database
				+ (parameters.startsWith("&") ? "?" + parameters.substring(1) : parameters);
	}

	@AfterEach
	void dropDatabase() throws SQLException {
		this.threads.shutdownNow();
		this.instances.forEach(ConfigurableApplicationContext::close);
		execute("DROP DATABASE IF EXISTS " + this.database + " WITH (FORCE)");
	}

	@Test
	void twoInstancesStartedTogetherMigrateOnceServeAndWriteConsistently() throws Exception {
		CyclicBarrier start = new CyclicBarrier(2);
		List<CompletableFuture<ConfigurableApplicationContext>> starting = List.of(startAfter(start),
				startAfter(start));
		for (CompletableFuture<ConfigurableApplicationContext> instance : starting) {
			this.instances.add(instance.get(2, TimeUnit.MINUTES));
		}
		JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(this.url,
				TestDatabase.connectionDetails().username(), TestDatabase.connectionDetails().password(), true));

		assertThat(jdbc.sql("select count(*) from databasechangelog").query(Long.class).single()).isEqualTo(7);
		assertThat(jdbc.sql("select count(distinct id) from databasechangelog").query(Long.class).single())
			.isEqualTo(7);
		assertThat(jdbc.sql("select locked from databasechangeloglock").query(Boolean.class).single()).isFalse();

		int first = port(0);
		int second = port(1);
		HttpExchange owner = HttpExchange.send(first, "POST", "/api/owners", """
				{"name": "Shared Owner", "city": "Anytown"}""", Map.of());
		assertThat(owner.status()).isEqualTo(201);
		String ownerId = owner.json().get("id").asString();
		assertThat(HttpExchange.send(second, "GET", "/api/owners/" + ownerId, null, Map.of()).status()).isEqualTo(200);

		ConcurrentLinkedQueue<HttpExchange> answers = new ConcurrentLinkedQueue<>();
		List<CompletableFuture<Void>> clients = new ArrayList<>();
		for (int client = 0; client < 4; client++) {
			int port = (client % 2 == 0) ? first : second;
			int number = client;
			clients.add(CompletableFuture.runAsync(() -> {
				for (int pet = 0; pet < 5; pet++) {
					answers.add(HttpExchange.send(port, "POST", "/api/owners/" + ownerId + "/pets", """
							{"name": "Pet %d-%d", "birthDate": "2020-01-01"}""".formatted(number, pet), Map.of()));
				}
			}, this.threads));
		}
		CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);

		assertThat(answers).allSatisfy((answer) -> assertThat(answer.status()).as(answer.body()).isIn(201, 409));
		long created = answers.stream().filter((answer) -> answer.status() == 201).count();
		assertThat(jdbc.sql("select count(*) from pet where \"ownerId\" = ?::uuid")
			.param(ownerId)
			.query(Long.class)
			.single()).isEqualTo(created);
		assertThat(jdbc.sql("select count(distinct name) from pet").query(Long.class).single()).isEqualTo(created);
		HttpExchange seenBySecond = HttpExchange.send(second, "GET", "/api/owners/" + ownerId, null, Map.of());
		assertThat(seenBySecond.json().get("pets")).hasSize((int) created);
		for (ConfigurableApplicationContext instance : this.instances) {
			assertThat(instance.getBean(DsqlStatementGuard.class).takeViolations()).isEmpty();
		}
	}

	/**
	 * Starts an instance whose context refresh (Liquibase's migration first) begins at
	 * the same moment as the other's. What comes before it, preparing the environment and
	 * the logging system, runs one instance at a time: Spring Boot initializes the JVM's
	 * one logging system there, which two applications cannot do at once in one JVM.
	 */
	private CompletableFuture<ConfigurableApplicationContext> startAfter(CyclicBarrier start) {
		PostgresConnectionDetails server = TestDatabase.connectionDetails();
		return CompletableFuture.supplyAsync(() -> {
			awaitOrFail(() -> this.preparingOneAtATime.tryAcquire(1, TimeUnit.MINUTES));
			return new SpringApplicationBuilder(PetClinicApplication.class, GuardedStatements.class)
				.properties("server.port=0", "spring.datasource.url=" + this.url,
						"spring.datasource.username=" + server.username(),
						"spring.datasource.password=" + server.password(), "spring.main.banner-mode=off")
				.initializers((context) -> {
					this.preparingOneAtATime.release();
					awaitOrFail(() -> start.await(1, TimeUnit.MINUTES) >= 0);
				})
				.run();
		}, this.threads);
	}

	private static void awaitOrFail(Callable<Boolean> waiting) {
		try {
			if (!waiting.call()) {
				throw new IllegalStateException("The instances did not start together");
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("The instances did not start together", ex);
		}
	}

	private int port(int instance) {
		return Integer.parseInt(this.instances.get(instance).getEnvironment().getRequiredProperty("local.server.port"));
	}

	private static void execute(String sql) throws SQLException {
		PostgresConnectionDetails server = TestDatabase.connectionDetails();
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(),
				server.password()); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	@Import({ SqlStatements.class, DsqlStatementGuard.class })
	static class GuardedStatements {

	}

}
