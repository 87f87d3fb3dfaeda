/**
 * Connecting to Amazon Aurora DSQL: a connection pool that signs a fresh IAM auth token
 * for every new connection, the cluster endpoint and its Region, TLS with direct
 * negotiation, the schema of admin and non-admin users, and start-up failures explained
 * in one line. Switched on by setting {@code CLUSTER_ENDPOINT}
 * ({@code petclinic.dsql.endpoint}, see {@link ConditionalOnDsqlEndpoint}); without it
 * the service uses Spring Boot's {@code spring.datasource.*}.
 */
@NullMarked
package com.example.petclinic.dsql;

import org.jspecify.annotations.NullMarked;
