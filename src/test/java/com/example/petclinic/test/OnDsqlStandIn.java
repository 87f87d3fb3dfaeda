package com.example.petclinic.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that runs against the {@link DsqlStandIn}, which the JVM's default TLS
 * context trusts while it runs; skipped, saying why, where the stand-in cannot run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(DsqlStandIn.Extension.class)
public @interface OnDsqlStandIn {

}
