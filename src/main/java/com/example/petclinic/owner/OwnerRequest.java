package com.example.petclinic.owner;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/owners} and {@code PUT /api/owners/{id}}. The limits are
 * the columns' sizes.
 */
public record OwnerRequest(@NotBlank @Size(max = 30) String name, @NotBlank @Size(max = 80) String city,
		@Size(max = 20) @Pattern(regexp = "[0-9 +\\-().]*",
				message = "may contain only digits, spaces and + - ( ) .") @Nullable String telephone) {

}
