/**
 * The schema's migrations: Spring Boot runs Liquibase's changelog
 * ({@code src/main/resources/db/changelog}) at every start, again when two instances race
 * to create Liquibase's own tables; on Aurora DSQL indexes are built with
 * {@code CREATE INDEX ASYNC} and waited for before serving; {@code migrate-down} rolls
 * every changeset back, one DDL statement per transaction as DSQL requires.
 */
@NullMarked
package com.example.petclinic.migration;

import org.jspecify.annotations.NullMarked;
