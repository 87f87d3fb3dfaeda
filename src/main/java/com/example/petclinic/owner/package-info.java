/**
 * Owners: the entity, its repository, its use cases and its HTTP resource
 * {@code /api/owners}. An owner is shown with its pets, which this module reads from
 * {@code pet}.
 */
@NullMarked
package com.example.petclinic.owner;

import org.jspecify.annotations.NullMarked;
