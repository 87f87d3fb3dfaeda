/**
 * Vets and their specialties, the rows of the sample's join table
 * {@code "_SpecialtyToVet"}: {@code /api/vets}.
 */
@NullMarked
package com.example.petclinic.vet;

import org.jspecify.annotations.NullMarked;
