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
 * {@link TestDatabase}, which is emptied before each test. The test fails if the service
 * sent any statement Aurora DSQL would reject (see {@link DsqlStatementGuard}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@OnTestDatabase
@ExtendWith(DsqlFidelityCheck.class)
// On the test database even where CLUSTER_ENDPOINT is set for the cluster tests.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "petclinic.dsql.endpoint=")
@AutoConfigureRestTestClient
@Import({ TestDatabaseConfiguration.class, ClinicApi.class })
@Sql("/empty-database.sql")
public @interface PetClinicIntegrationTest {

}
