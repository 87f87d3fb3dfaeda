/**
 * Reaching the database through faults: its endpoints (one, or one per Region of a
 * multi-Region Aurora DSQL cluster), the probes that tell which of them works, the switch
 * between them, what counts as a database fault, and how a request that meets one is
 * answered.
 */
@NullMarked
package com.example.petclinic.database;

import org.jspecify.annotations.NullMarked;
