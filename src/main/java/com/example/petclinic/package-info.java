/**
 * Pet-clinic REST service for Amazon Aurora DSQL: one package per resource
 * ({@code owner}, {@code pet}, {@code vet}, {@code specialty}), what their use cases
 * share in {@code usecase}, the infrastructure in {@code retry}, {@code migration} and
 * {@code dsql}, cross-cutting HTTP concerns in {@code web}; the AWS sample's data and
 * scripts in {@code sample} and {@code command}. The README's "Layout" section says where
 * a change goes.
 */
@NullMarked
package com.example.petclinic;

import org.jspecify.annotations.NullMarked;
