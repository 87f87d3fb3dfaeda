/**
 * Optimistic concurrency: every {@link com.example.petclinic.usecase.WriteUseCase} is one
 * transaction, run again as a whole, with exponential back-off and full jitter, when it
 * loses a conflict (SQLSTATE {@code 40001}, which Aurora DSQL raises at commit and
 * PostgreSQL at {@code REPEATABLE READ}); a request that loses every attempt is answered
 * {@code 409} with {@code Retry-After}. Tuned with {@code petclinic.occ.retry.*}; runs on
 * any PostgreSQL as on DSQL.
 */
@NullMarked
package com.example.petclinic.retry;

import org.jspecify.annotations.NullMarked;
