package com.example.petclinic.migration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.petclinic.test.HttpExchange;
import com.example.petclinic.test.PostgresConnectionDetails;
import com.example.petclinic.test.ServiceProcess;
import com.example.petclinic.test.OnTestDatabase;
import com.example.petclinic.test.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service started at the same moment against one new, empty
 * database, as when a deployment scales out: Liquibase's lock table lets only one of them
 * migrate, both serve, and their concurrent writes stay consistent.
 * <p>
 * Each instance runs in a JVM of its own, as in a deployment. In one JVM the two would
 * not be independent: Liquibase keeps its lock services in JVM-wide singletons, and one
 * instance's clean-up after migrating resets the other's, which then never releases its
 * lock.
 */
@OnTestDatabase
class TwoInstancesIntegrationTest {

	private static final Pattern DATABASE_IN_URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?$");

	private final String database = "petclinic_two_instances_" + Long.toHexString(System.nanoTime());

	private final List<ServiceProcess> instances = new ArrayList<>();

	private final ExecutorService clients = Executors.newFixedThreadPool(4);

	@TempDir
	Path directory;

	private PostgresConnectionDetails newDatabase;

	@BeforeEach
	void createDatabase() throws SQLException {
		execute("CREATE DATABASE " + this.database);
		PostgresConnectionDetails server = TestDatabase.connectionDetails();
		Matcher url = DATABASE_IN_URL.matcher(server.jdbcUrl());
		assertThat(url.matches()).isTrue();
		String parameters = (url.group(3) != null) ? url.group(3).replaceAll("[?&]currentSchema=[^&]*", "") : "";
		this.newDatabase = new PostgresConnectionDetails(
				url.group(1) + this.database
						+ (parameters.startsWith("&") ? "?" + parameters.substring(1) : parameters),
				server.username(), server.password());
	}

	@AfterEach
	void dropDatabase() throws Exception {
		this.clients.shutdownNow();
		for (ServiceProcess instance : this.instances) {
			instance.close();
		}
		execute("DROP DATABASE IF EXISTS " + this.database + " WITH (FORCE)");
	}

	@Test
	void twoInstancesStartedTogetherMigrateOnceServeAndWriteConsistently() throws Exception {
		this.instances.add(ServiceProcess.start(this.directory, "first", this.newDatabase));
		this.instances.add(ServiceProcess.start(this.directory, "second", this.newDatabase));
		for (ServiceProcess instance : this.instances) {
			instance.awaitReady();
		}
		JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(this.newDatabase.jdbcUrl(),
				this.newDatabase.username(), this.newDatabase.password(), true));

		long changeSets = changeSetsOfTheChangelog();
		assertThat(jdbc.sql("select count(*) from databasechangelog").query(Long.class).single()).isEqualTo(changeSets);
		assertThat(jdbc.sql("select count(distinct id) from databasechangelog").query(Long.class).single())
			.isEqualTo(changeSets);
		assertThat(jdbc.sql("select locked from databasechangeloglock").query(Boolean.class).single()).isFalse();

		int first = this.instances.get(0).port();
		int second = this.instances.get(1).port();
		HttpExchange owner = HttpExchange.send(first, "POST", "/api/owners", """
				{"name": "Shared Owner", "city": "Anytown"}""", Map.of());
		assertThat(owner.status()).isEqualTo(201);
		String ownerId = owner.json().get("id").asString();
		assertThat(HttpExchange.send(second, "GET", "/api/owners/" + ownerId, null, Map.of()).status()).isEqualTo(200);

		ConcurrentLinkedQueue<HttpExchange> answers = new ConcurrentLinkedQueue<>();
		List<CompletableFuture<Void>> writers = new ArrayList<>();
		for (int client = 0; client < 4; client++) {
			int port = (client % 2 == 0) ? first : second;
			int number = client;
			writers.add(CompletableFuture.runAsync(() -> {
				for (int pet = 0; pet < 5; pet++) {
					answers.add(HttpExchange.send(port, "POST", "/api/owners/" + ownerId + "/pets", """
							{"name": "Pet %d-%d", "birthDate": "2020-01-01"}""".formatted(number, pet), Map.of()));
				}
			}, this.clients));
		}
		CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);

		assertThat(answers).allSatisfy((answer) -> assertThat(answer.status()).as(answer.body()).isIn(201, 409));
		long created = answers.stream().filter((answer) -> answer.status() == 201).count();
		assertThat(jdbc.sql("select count(*) from pet where \"ownerId\" = ?::uuid")
			.param(ownerId)
			.query(Long.class)
			.single()).isEqualTo(created);
		assertThat(jdbc.sql("select count(distinct name) from pet").query(Long.class).single()).isEqualTo(created);
		HttpExchange seenBySecond = HttpExchange.send(second, "GET", "/api/owners/" + ownerId, null, Map.of());
		assertThat(seenBySecond.json().get("pets")).hasSize((int) created);
		for (ServiceProcess instance : this.instances) {
			assertThat(instance.stop()).isEmpty();
		}
	}

	private static void execute(String sql) throws SQLException {
		PostgresConnectionDetails server = TestDatabase.connectionDetails();
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(),
				server.password()); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static long changeSetsOfTheChangelog() throws IOException {
		String changelog = new ClassPathResource("db/changelog/db.changelog-master.yaml")
			.getContentAsString(StandardCharsets.UTF_8);
		return Pattern.compile("^  - changeSet:", Pattern.MULTILINE).matcher(changelog).results().count();
	}

}
