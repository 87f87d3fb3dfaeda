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
 * A test of the whole service over HTTP whose database connections go through the
 * {@link ProxiedDatabase}'s fault proxies, which the test breaks. The probes look often,
 * so that the test's faults are found out quickly; every other bound (connection, socket
 * and transaction timeouts) is the service's own. It runs once, on the embedded
 * PostgreSQL: the faults are the network's, not the database's. After each test the
 * network is healed ({@link HealedAfterEachTest}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith({ DsqlFidelityCheck.class, HealedAfterEachTest.class })
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "petclinic.dsql.endpoint=", "petclinic.auth=none", "petclinic.database.probe-interval=250ms",
				"petclinic.database.probe-timeout=1s", "petclinic.database.fail-back-after=2s" })
@AutoConfigureRestTestClient
@Import({ TestDatabaseConfiguration.class, ProxiedDatabase.class, ClinicApi.class })
@Sql("/empty-database.sql")
public @interface FaultInjectionTest {

}
