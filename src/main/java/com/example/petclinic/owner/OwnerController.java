package com.example.petclinic.owner;

import java.util.Set;
import java.util.UUID;

import com.example.petclinic.web.Locations;
import com.example.petclinic.web.PageParameters;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/owners")
class OwnerController {

	private static final Set<String> SORTABLE = Set.of("name", "city");

	private final OwnerService owners;

	OwnerController(OwnerService owners) {
		this.owners = owners;
	}

	@GetMapping
	PagedModel<OwnerResponse> search(@RequestParam(required = false) @Nullable String name,
			@Valid PageParameters paging) {
		return new PagedModel<>(this.owners.search(name, paging.toPageable(SORTABLE, Sort.by("name"))));
	}

	@PostMapping
	ResponseEntity<OwnerResponse> create(@Valid @RequestBody OwnerRequest request) {
		OwnerResponse owner = this.owners.create(request);
		return ResponseEntity.created(Locations.of("/api/owners/{id}", owner.id())).body(owner);
	}

	@GetMapping("/{id}")
	OwnerResponse get(@PathVariable UUID id) {
		return this.owners.get(id);
	}

	@PutMapping("/{id}")
	OwnerResponse update(@PathVariable UUID id, @Valid @RequestBody OwnerRequest request) {
		return this.owners.update(id, request);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		this.owners.delete(id);
		return ResponseEntity.noContent().build();
	}

}
