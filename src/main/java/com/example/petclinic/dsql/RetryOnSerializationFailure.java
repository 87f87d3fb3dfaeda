package com.example.petclinic.dsql;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a write use case: a {@code @Transactional} method that is run again as a whole,
 * in a new transaction, when it fails with a serialization failure (see
 * {@link SerializationFailures}). The retry wraps the transaction, never the other way
 * round, and the method refuses to run inside a transaction that is already open, where a
 * retry could only repeat part of the work.
 *
 * @see OccRetry
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RetryOnSerializationFailure {

}
