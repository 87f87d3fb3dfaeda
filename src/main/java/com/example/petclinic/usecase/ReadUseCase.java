package com.example.petclinic.usecase;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a service method that only reads. It runs in no database transaction: each of its
 * statements is a transaction of its own and reads one consistent snapshot, and no
 * {@code BEGIN} or {@code COMMIT} costs a round trip (on Aurora DSQL, one over the
 * network). So what must be consistent is read in one statement (an owner joined with its
 * pets); a page's second statement (the pets of its owners) sees the database a moment
 * after its first. It is run again on a fresh connection (of the other Region's endpoint,
 * when its own is down) when its connection breaks, since reading again changes nothing,
 * but not after a statement waited out the socket timeout while the database answered (it
 * was waiting on a lock, and would wait again). Called inside a use case that is already
 * running, it is part of it. The retries are the {@code retry} package's.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ReadUseCase {

}
