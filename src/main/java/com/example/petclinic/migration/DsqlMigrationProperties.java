package com.example.petclinic.migration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the migration runs on Aurora DSQL ({@code petclinic.dsql.*}, beside the connection
 * settings of {@code DsqlProperties}).
 *
 * @param waitForIndexBuilds whether the service waits for the index builds that
 * {@code CREATE INDEX ASYNC} started before it serves; queries run without an index until
 * its build has finished
 */
@ConfigurationProperties("petclinic.dsql")
public record DsqlMigrationProperties(@DefaultValue("true") boolean waitForIndexBuilds) {

}
