/**
 * The benchmark's programs, run by {@code bench/run.sh}: the data set loader, the raw
 * JDBC baseline, the report and the JMH benchmark of DSQL token generation.
 */
@NullMarked
package com.example.petclinic.bench;

import org.jspecify.annotations.NullMarked;
