package com.example.petclinic.specialty;

import java.util.List;

import com.example.petclinic.web.Locations;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/specialties")
class SpecialtyController {

	private final SpecialtyService specialties;

	SpecialtyController(SpecialtyService specialties) {
		this.specialties = specialties;
	}

	@GetMapping
	List<SpecialtyResponse> all() {
		return this.specialties.all().stream().map(SpecialtyResponse::of).toList();
	}

	@PostMapping
	ResponseEntity<SpecialtyResponse> create(@Valid @RequestBody SpecialtyRequest request) {
		Specialty specialty = this.specialties.create(request);
		return ResponseEntity.created(Locations.of("/api/specialties/{name}", specialty.getName()))
			.body(SpecialtyResponse.of(specialty));
	}

	@GetMapping("/{name}")
	SpecialtyResponse get(@PathVariable String name) {
		return SpecialtyResponse.of(this.specialties.get(name));
	}

	@DeleteMapping("/{name}")
	ResponseEntity<Void> delete(@PathVariable String name) {
		this.specialties.delete(name);
		return ResponseEntity.noContent().build();
	}

}
