/**
 * Amazon Aurora DSQL: a connection pool that signs a fresh IAM auth token for every new
 * connection, the schema of admin and non-admin users, asynchronous index builds during
 * migration, and start-up failures explained in one line. Everything here is switched on
 * by setting {@code CLUSTER_ENDPOINT} ({@code petclinic.dsql.endpoint}).
 */
@NullMarked
package com.example.petclinic.dsql;

import org.jspecify.annotations.NullMarked;
