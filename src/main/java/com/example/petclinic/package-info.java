/**
 * Pet-clinic REST service for Amazon Aurora DSQL: one package per resource
 * ({@code owner}, {@code pet}, {@code vet}, {@code specialty}), cross-cutting web
 * concerns in {@code web}.
 */
@NullMarked
package com.example.petclinic;

import org.jspecify.annotations.NullMarked;
