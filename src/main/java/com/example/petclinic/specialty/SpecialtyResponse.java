package com.example.petclinic.specialty;

public record SpecialtyResponse(String name) {

	static SpecialtyResponse of(Specialty specialty) {
		return new SpecialtyResponse(specialty.getName());
	}

}
