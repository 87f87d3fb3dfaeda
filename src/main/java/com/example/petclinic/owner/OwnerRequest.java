package com.example.petclinic.owner;

import com.example.petclinic.validation.Name;
import com.example.petclinic.validation.Names;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/owners} and {@code PUT /api/owners/{id}}. The limits are
 * the columns' sizes; name and city are kept in their one spelling (see {@link Names}).
 */
public record OwnerRequest(@Name(max = 30) String name, @Name(max = 80) String city,
		@Size(max = 20) @Pattern(regexp = "[0-9 +\\-().]*",
				message = "may contain only digits, spaces and + - ( ) .") @Nullable String telephone) {

	public OwnerRequest {
		name = Names.normalize(name);
		city = Names.normalize(city);
	}

}
