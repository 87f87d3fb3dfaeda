package com.example.petclinic.usecase;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a service method that writes: one transaction, run again as a whole in a new
 * transaction when it loses an optimistic-concurrency conflict. Aurora DSQL never makes a
 * transaction wait for a lock; the second of two conflicting transactions fails at commit
 * with SQLSTATE {@code 40001}, and only repeating the whole transaction (re-reading what
 * it read) is correct. The retry wraps the transaction, never the other way round, and
 * the method refuses to run inside a transaction that is already open, where a retry
 * could only repeat part of the work.
 * <p>
 * <strong>A change writes the row of the resource it changes</strong> (the owner's, the
 * vet's), also when what changes is stored in other rows (a vet's
 * {@code "_SpecialtyToVet"} assignments): two transactions conflict only when they write
 * the same row, so only then does every concurrent change to the same resource (its
 * deletion included) fail, run again and see the other's result. Without foreign keys the
 * same goes for a reference: adding or moving a pet writes its new owner's row, giving a
 * vet specialties writes theirs, so that a concurrent deletion of the owner or the
 * specialty conflicts instead of leaving a dangling reference. A lock
 * ({@code FOR UPDATE}) is not enough on PostgreSQL: a row that was only locked raises no
 * serialization failure for a later writer whose snapshot is older; a write conflicts on
 * PostgreSQL and on Aurora DSQL alike.
 * <p>
 * <p>
 * The same goes for a connection that breaks: the use case runs again on a fresh
 * connection (of the other Region's endpoint, when its own is down) as long as its
 * {@code COMMIT} was never sent. If the connection broke while the {@code COMMIT} was on
 * its way, the change may or may not be stored, and what happens then is
 * {@link #afterUnknownCommit()}.
 * <p>
 * The transaction and the retries are the {@code retry} package's; an architecture rule
 * requires this annotation on every service method that writes.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WriteUseCase {

	/**
	 * How the use case finds out, or makes sure, that it was applied exactly once when
	 * the outcome of its {@code COMMIT} is unknown.
	 */
	AfterUnknownCommit afterUnknownCommit();

}
