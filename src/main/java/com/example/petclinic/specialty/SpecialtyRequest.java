package com.example.petclinic.specialty;

import com.example.petclinic.validation.Name;
import com.example.petclinic.validation.Names;
import jakarta.validation.constraints.Pattern;

/**
 * The body of {@code POST /api/specialties}. The name is the specialty's id and the last
 * segment of its address, {@code /api/specialties/{name}}: a name Tomcat could not take
 * back in that path ({@code /} and {@code \}, which it refuses even encoded), a name it
 * would cut ({@code ;} starts path parameters) and the segments {@code .} and {@code ..}
 * that a path is normalized by are refused, so that every specialty can be read and
 * deleted.
 */
public record SpecialtyRequest(@Name(max = 80) @Pattern(regexp = "(?!\\.{1,2}$)[^/\\\\;]*",
		message = "must not contain / \\ or ; and must not be . or ..") String name) {

	public SpecialtyRequest {
		name = Names.normalize(name);
	}

}
