/**
 * Everything Amazon Aurora DSQL asks of the service beyond plain PostgreSQL: a connection
 * pool that signs a fresh IAM auth token for every new connection, the schema of admin
 * and non-admin users, asynchronous index builds during migration, start-up failures
 * explained in one line, and optimistic concurrency (every write use case is one
 * transaction, retried as a whole when it loses a conflict). The connection is switched
 * on by setting {@code CLUSTER_ENDPOINT} ({@code petclinic.dsql.endpoint}).
 */
@NullMarked
package com.example.petclinic.dsql;

import org.jspecify.annotations.NullMarked;
