/**
 * The benchmark's programs, run by {@code bench/run.sh}: the raw JDBC baseline, the
 * latency-injecting proxy that counts round trips, the token of the secured scenarios,
 * the report and the JMH benchmark of DSQL token generation.
 */
@NullMarked
package com.example.petclinic.bench;

import org.jspecify.annotations.NullMarked;
