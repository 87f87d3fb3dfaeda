package com.example.petclinic.listing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.example.petclinic.test.ClinicApi;
import com.example.petclinic.test.PetClinicIntegrationTest;
import com.example.petclinic.test.SqlStatements;
import com.example.petclinic.test.TestSchemas;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every list request is an index range of a page's rows: the exact statement the service
 * sends for it (recorded from a request), run with {@code EXPLAIN ANALYZE} on tables of
 * 20,000 owners (400 in each of 50 cities), 40,400 pets (400 born on one day) and 5,000
 * vets, where PostgreSQL would read the whole table and sort it if no index served the
 * order, shows an index scan, no sort, no sequential scan, and about a page's worth of
 * rows read, also when the page starts among many rows with the same value of its key.
 */
@PetClinicIntegrationTest
class ListQueryPlansIntegrationTest {

	// A schema of this test run's own, beside the service's, with the same changelog.
	private static final String SCHEMA = "list_plans_" + ProcessHandle.current().pid();

	private static final int PAGE = 20;

	@Autowired
	private ClinicApi api;

	@Autowired
	private SqlStatements sql;

	@BeforeAll
	static void createLargeTables() throws Exception {
		TestSchemas.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA);
		try (Liquibase liquibase = new Liquibase("db/changelog/db.changelog-master.yaml",
				new ClassLoaderResourceAccessor(), DatabaseFactory.getInstance()
					.findCorrectDatabaseImplementation(new JdbcConnection(TestSchemas.connect(SCHEMA))))) {
			liquibase.update();
		}
		try (Connection connection = TestSchemas.connect(SCHEMA); Statement statement = connection.createStatement()) {
			statement.execute(
					"""
							INSERT INTO owner (name, city)
							SELECT 'Owner ' || substr(md5(g::text), 1, 10), 'City ' || (g % 50) FROM generate_series(1, 20000) g""");
			statement.execute(
					"""
							INSERT INTO pet (name, "birthDate", "ownerId")
							SELECT 'Pet ' || substr(md5(random()::text), 1, 10), DATE '2000-01-01' + (random() * 7000)::int, o.id
							FROM owner o, generate_series(1, 2) n""");
			statement.execute("""
					INSERT INTO pet (name, "birthDate", "ownerId")
					SELECT 'Pet ' || substr(md5(random()::text), 1, 10), DATE '2010-01-01', o.id
					FROM (SELECT id FROM owner LIMIT 400) o""");
			statement.execute(
					"""
							INSERT INTO vet (name) SELECT 'Vet ' || substr(md5(g::text), 1, 10) FROM generate_series(1, 5000) g""");
			statement.execute("ANALYZE");
		}
	}

	@AfterAll
	static void dropLargeTables() throws SQLException {
		TestSchemas.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
	}

	@Test
	void theFirstPageOfOwnersIsTheStartOfTheNameIndex() throws Exception {
		assertIndexRange(planOf("/api/owners", "owner"), "owner_upper_name_id_idx", false);
	}

	@Test
	void aCursorPageOfOwnersStartsWithOneDescentOfTheNameIndex() throws Exception {
		createOwners();
		assertIndexRange(planOf(next("/api/owners?size=2"), "owner"), "owner_upper_name_id_idx", true);
		assertIndexRange(planOf(next("/api/owners?size=2&sort=name,desc"), "owner"), "owner_upper_name_id_idx", true);
	}

	@Test
	void aCursorPageOfOwnersByCityStartsWithOneDescentOfTheCityIndex() throws Exception {
		createOwners();
		assertIndexRange(planOf(next("/api/owners?size=2&sort=city"), "owner"), "owner_city_id_idx", true);
	}

	@Test
	void aCursorAmongOwnersOfOneCityStartsAtItsRowNotAtTheCitysFirst() throws Exception {
		createOwners();
		// The large tables have 400 owners in each city: the position is the 200th of
		// City 7, and the page reads the page's rows after it (and the one that tells
		// whether there are more), not the 200 before it too, in either direction.
		UUID middle = ownerOfCity("City 7", 200);
		UnaryOperator<@Nullable Object> amidCity7 = (parameter) -> (parameter instanceof String) ? "City 7"
				: (parameter instanceof UUID) ? middle : parameter;
		assertIndexRange(planOf(next("/api/owners?size=2&sort=city"), "owner", amidCity7), "owner_city_id_idx", true);
		assertIndexRange(planOf(next("/api/owners?size=2&sort=city,desc"), "owner", amidCity7), "owner_city_id_idx",
				true);
	}

	@Test
	void aCursorAmongPetsOfOneBirthDateStartsAtItsRow() throws Exception {
		UUID owner = this.api.createOwner("John Doe", "New York");
		this.api.addPet(owner, "Pet1", "2006-10-25");
		this.api.addPet(owner, "Pet2", "2021-07-23");
		LocalDate crowded = LocalDate.of(2010, 1, 1);
		UUID middle = petOfBirthDate(crowded, 200);
		JsonNode plan = planOf(next("/api/pets?size=1&sort=birthDate"), "pet",
				(parameter) -> (parameter instanceof LocalDate || parameter instanceof java.sql.Date) ? crowded
						: (parameter instanceof UUID) ? middle : parameter);
		assertIndexRange(plan, "pet_birthDate_id_idx", true);
	}

	@Test
	void theOwnerNameSearchIsARangeOfTheNameIndex() throws Exception {
		createOwners();
		assertIndexRange(planOf("/api/owners?name=owner%20a", "owner"), "owner_upper_name_id_idx", true);
		assertIndexRange(planOf(next("/api/owners?name=owner&size=2"), "owner"), "owner_upper_name_id_idx", true);
	}

	@Test
	void aNumberedPageReadsOnlyTheRowsBeforeItInTheIndex() throws Exception {
		JsonNode plan = planOf("/api/owners?page=3", "owner");
		assertNoSortAndNoSequentialScan(plan);
		assertThat(indexScan(plan, "owner_upper_name_id_idx").path("Actual Rows").asInt()).isLessThanOrEqualTo(81);
	}

	@Test
	void petPagesAndThePetNameSearchAreRangesOfTheirIndexes() throws Exception {
		UUID owner = this.api.createOwner("John Doe", "New York");
		this.api.addPet(owner, "Pet1", "2006-10-25");
		this.api.addPet(owner, "Pet2", "2021-07-23");
		this.api.addPet(owner, "Pet3", "2015-03-03");
		assertIndexRange(planOf(next("/api/pets?size=1"), "pet"), "pet_upper_name_id_idx", true);
		assertIndexRange(planOf("/api/pets?name=pet%20b", "pet"), "pet_upper_name_id_idx", true);
		assertIndexRange(planOf(next("/api/pets?size=1&sort=birthDate,desc"), "pet"), "pet_birthDate_id_idx", true);
	}

	@Test
	void aCursorPageOfVetsStartsWithOneDescentOfTheNameIndex() throws Exception {
		this.api.createVet("Akua Mansa");
		this.api.createVet("Carlos Salazar");
		assertIndexRange(planOf(next("/api/vets?size=1"), "vet"), "vet_upper_name_id_idx", true);
	}

	private void createOwners() {
		this.api.createOwner("Owner 1", "Anytown");
		this.api.createOwner("Owner 2", "Boston");
		this.api.createOwner("Owner 3", "Chicago");
	}

	private static UUID ownerOfCity(String city, int rank) throws SQLException {
		return nth("SELECT id FROM owner WHERE city = ? ORDER BY id OFFSET ? LIMIT 1", city, rank);
	}

	private static UUID petOfBirthDate(LocalDate birthDate, int rank) throws SQLException {
		return nth("SELECT id FROM pet WHERE \"birthDate\" = ? ORDER BY id OFFSET ? LIMIT 1", birthDate, rank);
	}

	private static UUID nth(String query, Object key, int rank) throws SQLException {
		try (Connection connection = TestSchemas.connect(SCHEMA);
				PreparedStatement statement = connection.prepareStatement(query)) {
			statement.setObject(1, key);
			statement.setInt(2, rank - 1);
			try (ResultSet result = statement.executeQuery()) {
				assertThat(result.next()).as("a row %d of %s", rank, key).isTrue();
				return result.getObject(1, UUID.class);
			}
		}
	}

	private String next(String uri) {
		return this.api.getJson(uri).at("/page/next").asString();
	}

	/**
	 * The plan, run on the large tables, of the statement the service sent to read the
	 * rows of {@code table} for the request.
	 */
	private JsonNode planOf(String uri, String table) throws SQLException {
		return planOf(uri, table, UnaryOperator.identity());
	}

	/**
	 * The plan, run on the large tables, of the statement the service sent for the
	 * request, with each of its parameters replaced as {@code parameters} says: a
	 * position the service's own small tables cannot hold.
	 */
	private JsonNode planOf(String uri, String table, UnaryOperator<@Nullable Object> parameters) throws SQLException {
		this.sql.clear();
		this.api.getJson(uri);
		SqlStatements.Statement page = this.sql.recordedWithParameters()
			.stream()
			.filter((statement) -> statement.sql().startsWith("select")
					&& statement.sql().contains(" from \"" + table + "\""))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No query of " + table + " for " + uri));
		try (Connection connection = TestSchemas.connect(SCHEMA);
				PreparedStatement explain = connection
					.prepareStatement("EXPLAIN (ANALYZE, FORMAT JSON) " + page.sql())) {
			for (int i = 0; i < page.parameters().size(); i++) {
				explain.setObject(i + 1, parameters.apply(page.parameters().get(i)));
			}
			try (ResultSet result = explain.executeQuery()) {
				result.next();
				return JsonMapper.shared().readTree(result.getString(1)).get(0).get("Plan");
			}
		}
	}

	/**
	 * An index scan of the index in the order of the page, which stops after the page's
	 * rows (and the one that tells whether there are more) and filters out none, or
	 * hardly any: without an index condition it would start at the index's first entry
	 * and filter out every row before the page.
	 */
	private static void assertIndexRange(JsonNode plan, String index, boolean withCondition) {
		assertNoSortAndNoSequentialScan(plan);
		JsonNode scan = indexScan(plan, index);
		if (withCondition) {
			assertThat(scan.path("Index Cond").asString()).as(plan.toPrettyString()).isNotEmpty();
		}
		int read = scan.path("Actual Rows").asInt() + scan.path("Rows Removed by Filter").asInt();
		assertThat(read).as(plan.toPrettyString()).isLessThanOrEqualTo(2 * (PAGE + 1));
	}

	private static void assertNoSortAndNoSequentialScan(JsonNode plan) {
		List<String> nodes = new ArrayList<>();
		collect(plan, nodes);
		assertThat(nodes).as(plan.toPrettyString())
			.doesNotContain("Seq Scan", "Sort", "Incremental Sort", "Bitmap Heap Scan");
	}

	private static JsonNode indexScan(JsonNode plan, String index) {
		JsonNode scan = find(plan, index);
		if (scan == null) {
			throw new AssertionError("No index scan of %s in%n%s".formatted(index, plan.toPrettyString()));
		}
		return scan;
	}

	private static @Nullable JsonNode find(JsonNode plan, String index) {
		if (index.equals(plan.path("Index Name").asString())
				&& plan.path("Node Type").asString().matches("Index (Only )?Scan")) {
			return plan;
		}
		for (JsonNode child : plan.path("Plans")) {
			JsonNode found = find(child, index);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	private static void collect(JsonNode plan, List<String> nodes) {
		nodes.add(plan.path("Node Type").asString());
		plan.path("Plans").forEach((child) -> collect(child, nodes));
	}

}
