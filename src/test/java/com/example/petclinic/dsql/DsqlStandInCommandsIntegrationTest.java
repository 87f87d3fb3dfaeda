package com.example.petclinic.dsql;

import java.util.List;

import com.example.petclinic.test.DsqlStandIn;
import com.example.petclinic.test.OnDsqlStandIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS sample's scripts, {@code migrate-up}, {@code sample} and {@code migrate-down},
 * run as the packaged jar runs them on Aurora DSQL, against the {@link DsqlStandIn}: as
 * the admin in {@code public}, and as the non-admin role in its schema.
 */
@OnDsqlStandIn
@ParameterizedClass(name = "as {0}")
@ValueSource(strings = { DsqlStandIn.ADMIN, DsqlStandIn.NON_ADMIN })
@ExtendWith(OutputCaptureExtension.class)
class DsqlStandInCommandsIntegrationTest {

	@Parameter
	String user = "";

	@BeforeEach
	void emptyTheStandIn() {
		DsqlStandIn.instance().reset();
	}

	@Test
	void theSampleWorkflowRunsInTheSchemaOfTheRole(CapturedOutput output) {
		run("migrate-up");
		assertThat(tables(schemaOfTheRole())).containsExactlyInAnyOrder("owner", "pet", "specialty", "vet",
				"_SpecialtyToVet", "databasechangelog", "databasechangeloglock");
		assertThat(indexes(schemaOfTheRole())).contains("pet_ownerId_idx", "_SpecialtyToVet_B_index");
		assertThat(tables(otherSchema())).isEmpty();

		run("sample");
		assertThat(output).contains("sample: all 6 checks passed");
		assertThat(standIn().sql("SELECT count(*) FROM " + schemaOfTheRole() + ".pet").query(Integer.class).single())
			.isEqualTo(2);

		run("migrate-down");
		assertThat(tables(schemaOfTheRole())).isEmpty();
	}

	private void run(String command) {
		DsqlStandInApplication.run(this.user, command).close();
	}

	private String schemaOfTheRole() {
		return DsqlStandIn.ADMIN.equals(this.user) ? "public" : DsqlStandIn.NON_ADMIN_SCHEMA;
	}

	private String otherSchema() {
		return DsqlStandIn.ADMIN.equals(this.user) ? DsqlStandIn.NON_ADMIN_SCHEMA : "public";
	}

	private static List<String> tables(String schema) {
		return standIn().sql("SELECT table_name FROM information_schema.tables WHERE table_schema = ?")
			.param(schema)
			.query(String.class)
			.list();
	}

	private static List<String> indexes(String schema) {
		return standIn().sql("SELECT indexname FROM pg_indexes WHERE schemaname = ?")
			.param(schema)
			.query(String.class)
			.list();
	}

	private static JdbcClient standIn() {
		return JdbcClient.create(DsqlStandIn.instance().superuser());
	}

}
