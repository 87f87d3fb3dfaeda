/**
 * A data set at scale for lists and benchmarks: owners with pets, vets and specialties,
 * every row derived from its number, loaded into the configured database (Aurora DSQL
 * included) in transactions DSQL takes; the {@code load} command runs it.
 */
@NullMarked
package com.example.petclinic.dataset;

import org.jspecify.annotations.NullMarked;
