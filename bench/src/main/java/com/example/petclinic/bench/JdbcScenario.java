package com.example.petclinic.bench;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

/**
 * The HTTP scenarios of {@code bench/wrk/scenario.lua} as the fewest plain JDBC
 * statements that answer them: the raw database path the service is compared with. Every
 * round trip is one statement (or {@code COMMIT}): a read is one or two statements in
 * autocommit, no transaction, so that a single-statement read is consistent by itself;
 * adding a pet is one transaction of three round trips. Every row is read into an object,
 * as the service must, but nothing is mapped to JSON.
 */
enum JdbcScenario {

	/**
	 * {@code GET /api/owners/{id}}: the owner and its pets in one statement (1 round
	 * trip).
	 */
	OWNER("owner") {
		@Override
		void execute(DataSource dataSource, Workload workload, ThreadLocalRandom random) throws SQLException {
			try (Connection connection = dataSource.getConnection()) {
				UUID id = workload.anyOwnerId(random);
				List<Object[]> rows = rows(connection,
						"select o.id, o.name, o.city, o.telephone, p.id, p.name, p.\"birthDate\" from owner o "
								+ "left join pet p on p.\"ownerId\" = o.id where o.id = ? order by upper(p.name), p.id",
						List.of(id));
				if (rows.isEmpty()) {
					throw new SQLException("No owner " + id);
				}
			}
		}
	},

	/**
	 * {@code GET /api/owners?page=}: a numbered page of 20 owners by name ignoring case
	 * (within the 10,000 rows numbered pages reach), then the pets of the page's owners
	 * (2 round trips).
	 */
	OWNERS_PAGE("owners-page") {
		@Override
		void execute(DataSource dataSource, Workload workload, ThreadLocalRandom random) throws SQLException {
			try (Connection connection = dataSource.getConnection()) {
				List<Object[]> owners = rows(connection,
						"select id, name, city, telephone, upper(name) from owner order by upper(name), id offset ? rows fetch first ? rows only",
						List.of(PAGE_SIZE * random.nextInt(workload.ownerPages()), PAGE_SIZE + 1));
				petsOf(connection, owners.stream().map((row) -> row[0]).toList());
			}
		}
	},

	/**
	 * {@code GET /api/vets}: the first page of 20 vets by name ignoring case, then the
	 * specialties of the page's vets (2 round trips).
	 */
	VETS("vets") {
		@Override
		void execute(DataSource dataSource, Workload workload, ThreadLocalRandom random) throws SQLException {
			try (Connection connection = dataSource.getConnection()) {
				List<Object[]> vets = rows(connection,
						"select id, name, upper(name) from vet order by upper(name), id fetch first ? rows only",
						List.of(PAGE_SIZE + 1));
				List<Object> ids = vets.stream().map((row) -> row[0]).toList();
				rows(connection, "select \"B\", \"A\" from \"_SpecialtyToVet\" where \"B\" in (%s)"
					.formatted(placeholders(ids.size())), ids);
			}
		}
	},

	/**
	 * {@code POST /api/owners/{id}/pets}: one transaction of 3 round trips. Writing the
	 * owner's row ({@code update owner set name = name}, as the service does) makes a
	 * concurrent delete of the owner conflict, and finds a missing owner; then the insert
	 * and {@code COMMIT}.
	 */
	ADD_PET("add-pet") {
		@Override
		void execute(DataSource dataSource, Workload workload, ThreadLocalRandom random) throws SQLException {
			try (Connection connection = dataSource.getConnection()) {
				connection.setAutoCommit(false);
				UUID ownerId = workload.anyOwnerId(random);
				try (PreparedStatement update = connection
					.prepareStatement("update owner set name = name where id = ?")) {
					update.setObject(1, ownerId);
					if (update.executeUpdate() != 1) {
						connection.rollback();
						throw new SQLException("No owner " + ownerId);
					}
				}
				try (PreparedStatement insert = connection
					.prepareStatement("insert into pet (id, name, \"birthDate\", \"ownerId\") values (?, ?, ?, ?)")) {
					insert.setObject(1, UUID.randomUUID());
					insert.setString(2, "Bench");
					insert.setDate(3, Date.valueOf(NEW_PET_BIRTH_DATE));
					insert.setObject(4, ownerId);
					insert.executeUpdate();
				}
				connection.commit();
			}
		}
	},

	/**
	 * 80% reads, 20% writes: 50% {@link #OWNER}, 20% {@link #OWNERS_PAGE}, 10%
	 * {@link #VETS}, 20% {@link #ADD_PET} (1.7 round trips per request).
	 */
	MIXED("mixed") {
		@Override
		void execute(DataSource dataSource, Workload workload, ThreadLocalRandom random) throws SQLException {
			int roll = random.nextInt(100);
			JdbcScenario scenario = (roll < 50) ? OWNER : (roll < 70) ? OWNERS_PAGE : (roll < 80) ? VETS : ADD_PET;
			scenario.execute(dataSource, workload, random);
		}
	};

	static final int PAGE_SIZE = 20;

	/**
	 * Numbered pages go at most {@code petclinic.lists.max-offset} (10,000) rows deep.
	 */
	static final int DEEPEST_PAGE = 10_000 / PAGE_SIZE;

	private static final LocalDate NEW_PET_BIRTH_DATE = LocalDate.of(2020, 2, 29);

	private final String scenarioName;

	JdbcScenario(String scenarioName) {
		this.scenarioName = scenarioName;
	}

	String scenarioName() {
		return this.scenarioName;
	}

	abstract void execute(DataSource dataSource, Workload workload, ThreadLocalRandom random) throws SQLException;

	static JdbcScenario named(String name) {
		for (JdbcScenario scenario : values()) {
			if (scenario.scenarioName.equals(name)) {
				return scenario;
			}
		}
		throw new IllegalArgumentException("Unknown scenario '%s'".formatted(name));
	}

	private static void petsOf(Connection connection, List<?> ownerIds) throws SQLException {
		if (!ownerIds.isEmpty()) {
			rows(connection,
					"select id, name, \"birthDate\", \"ownerId\" from pet where \"ownerId\" in (%s) order by upper(name), id"
						.formatted(placeholders(ownerIds.size())),
					ownerIds);
		}
	}

	private static String placeholders(int count) {
		return String.join(", ", Collections.nCopies(count, "?"));
	}

	private static List<Object[]> rows(Connection connection, String sql, List<?> parameters) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.size(); i++) {
				statement.setObject(i + 1, parameters.get(i));
			}
			try (ResultSet result = statement.executeQuery()) {
				int columns = result.getMetaData().getColumnCount();
				List<Object[]> rows = new ArrayList<>();
				while (result.next()) {
					Object[] row = new Object[columns];
					for (int c = 0; c < columns; c++) {
						row[c] = result.getObject(c + 1);
					}
					rows.add(row);
				}
				return rows;
			}
		}
	}

	/**
	 * What the scenarios pick from: the data set's owners and its number of full owner
	 * pages.
	 */
	record Workload(List<UUID> ownerIds) {

		UUID anyOwnerId(ThreadLocalRandom random) {
			return this.ownerIds.get(random.nextInt(this.ownerIds.size()));
		}

		/** The numbered pages there are, up to the deepest the service serves. */
		int ownerPages() {
			return Math.min(DEEPEST_PAGE + 1, Math.max(1, this.ownerIds.size() / PAGE_SIZE));
		}

	}

}
