package com.example.petclinic.specialty;

import java.util.List;

import com.example.petclinic.usecase.Precondition;
import com.example.petclinic.web.EntityTags;
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

	private final EntityTags tags;

	SpecialtyController(SpecialtyService specialties, EntityTags tags) {
		this.specialties = specialties;
		this.tags = tags;
	}

	@GetMapping
	List<SpecialtyResponse> all() {
		return this.specialties.all();
	}

	@PostMapping
	ResponseEntity<SpecialtyResponse> create(@Valid @RequestBody SpecialtyRequest request) {
		SpecialtyResponse specialty = this.specialties.create(request);
		return ResponseEntity.created(Locations.of("/api/specialties/{name}", specialty.name())).body(specialty);
	}

	@GetMapping("/{name}")
	ResponseEntity<SpecialtyResponse> get(@PathVariable String name) {
		return this.tags.ok(this.specialties.get(name));
	}

	@DeleteMapping("/{name}")
	ResponseEntity<Void> delete(@PathVariable String name, Precondition ifMatch) {
		this.specialties.delete(name, ifMatch);
		return ResponseEntity.noContent().build();
	}

}
