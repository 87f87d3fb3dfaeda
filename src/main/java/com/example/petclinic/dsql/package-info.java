/**
 * What Aurora DSQL asks of the service beyond plain PostgreSQL: optimistic concurrency
 * (every write use case is one transaction, retried as a whole when it loses a conflict)
 * and the settings that switch the DSQL specifics on.
 */
@NullMarked
package com.example.petclinic.dsql;

import org.jspecify.annotations.NullMarked;
