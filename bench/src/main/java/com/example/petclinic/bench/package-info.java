/**
 * The benchmark's programs, run by {@code bench/run.sh}: the data set loader, the raw
 * JDBC baseline, the token of the secured scenarios, the report and the JMH benchmark of
 * DSQL token generation.
 */
@NullMarked
package com.example.petclinic.bench;

import org.jspecify.annotations.NullMarked;
