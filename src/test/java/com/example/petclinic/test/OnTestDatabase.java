package com.example.petclinic.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that runs on the {@link TestDatabase}. The build runs the tagged classes
 * twice, on the embedded PostgreSQL and on the PostgreSQL server; a test that brings its
 * own database, or none, runs once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(OnTestDatabase.TAG)
@ExtendWith(TestDatabase.class)
public @interface OnTestDatabase {

	/** The tag the build's server-PostgreSQL pass selects. */
	String TAG = "test-database";

}
