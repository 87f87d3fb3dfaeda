package com.example.petclinic.dsql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.example.petclinic.test.PasswordAuthPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin works in {@code public}, any other user in its own schema, on every
 * connection of the pool.
 */
class DsqlSchemaIntegrationTest {

	private static final String APP_USER = "dsql_app";

	private final List<DsqlTokenDataSource> pools = new ArrayList<>();

	@BeforeAll
	static void createRolesAndSchema() {
		PasswordAuthPostgres.execute("DROP SCHEMA IF EXISTS myschema CASCADE", "DROP ROLE IF EXISTS admin",
				"DROP ROLE IF EXISTS " + APP_USER, "CREATE ROLE admin LOGIN", "CREATE ROLE " + APP_USER + " LOGIN",
				"CREATE SCHEMA myschema", "GRANT ALL PRIVILEGES ON SCHEMA myschema TO " + APP_USER);
	}

	@AfterEach
	void closePools() {
		this.pools.forEach(DsqlTokenDataSource::close);
	}

	@Test
	void theAdminWorksInPublic() throws SQLException {
		assertThat(currentSchemaOfEachConnection(DsqlTokenGenerator.ADMIN)).containsOnly("public");
	}

	@Test
	void anotherUserWorksInTheConfiguredSchema() throws SQLException {
		assertThat(currentSchemaOfEachConnection(APP_USER)).containsOnly("myschema");
	}

	@Test
	void theSchemaOfANonAdminUserIsConfigurable() {
		assertThat(new DsqlProperties("e", "app", null, "clinic", Duration.ofMinutes(15), null, null).schemaOfUser())
			.isEqualTo("clinic");
		assertThat(new DsqlProperties("e", "admin", null, "clinic", Duration.ofMinutes(15), null, null).schemaOfUser())
			.isEqualTo("public");
	}

	private List<String> currentSchemaOfEachConnection(String user) throws SQLException {
		DsqlProperties properties = new DsqlProperties("unused.dsql.us-east-1.on.aws", user, null, "myschema",
				Duration.ofMinutes(15), null, null);
		DsqlTokenDataSource pool = DsqlConfiguration.newDataSource(properties, new RotatingPasswordTokens(),
				PasswordAuthPostgres.jdbcUrl("postgres"));
		this.pools.add(pool);
		List<Connection> open = new ArrayList<>();
		List<String> schemas = new ArrayList<>();
		try {
			for (int i = 0; i < 3; i++) {
				Connection connection = pool.getConnection();
				open.add(connection);
				try (Statement statement = connection.createStatement();
						ResultSet result = statement.executeQuery("SELECT current_schema()")) {
					result.next();
					schemas.add(result.getString(1));
				}
			}
		}
		finally {
			for (Connection connection : open) {
				connection.close();
			}
		}
		return schemas;
	}

}
