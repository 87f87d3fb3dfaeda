package com.example.petclinic.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.jdbc.Sql;

/**
 * A test of the whole service over HTTP on a port of its own, against the
 * {@link TestDatabase}, which is emptied before each test, with the API open
 * ({@code petclinic.auth=none}) unless the test's own properties say otherwise. The test
 * fails if the service sent any statement Aurora DSQL would reject (see
 * {@link DsqlStatementGuard}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@OnTestDatabase
@ExtendWith(DsqlFidelityCheck.class)
// On the test database even where CLUSTER_ENDPOINT is set for the cluster tests, and with
// the API
// open: these tests are of what the API does; the security tests (package security) are
// of who may.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "petclinic.dsql.endpoint=", "petclinic.auth=none" })
@AutoConfigureRestTestClient
@Import({ TestDatabaseConfiguration.class, ClinicApi.class })
@Sql("/empty-database.sql")
public @interface PetClinicIntegrationTest {

}
