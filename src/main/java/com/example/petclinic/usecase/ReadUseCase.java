package com.example.petclinic.usecase;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a service method that only reads: one read-only transaction, run again on a fresh
 * connection (of the other Region's endpoint, when its own is down) when its connection
 * breaks, since reading again changes nothing. Called inside a transaction that is
 * already open, it joins it. The transaction and the retries are the {@code retry}
 * package's.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ReadUseCase {

}
