/**
 * What every module's use cases share: {@link com.example.petclinic.usecase.WriteUseCase}
 * for a method that writes, the {@link com.example.petclinic.usecase.Precondition} of a
 * change, and the failures a use case reports (not found, conflict, missing reference,
 * failed precondition). The failures are {@code ErrorResponseException}s that carry their
 * status and detail, so the {@code web} package renders them as problems without the
 * modules knowing it.
 */
@NullMarked
package com.example.petclinic.usecase;

import org.jspecify.annotations.NullMarked;
