package com.example.petclinic.owner;

import java.util.Set;
import java.util.UUID;

import com.example.petclinic.usecase.Precondition;
import com.example.petclinic.web.EntityTags;
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

	private final EntityTags tags;

	OwnerController(OwnerService owners, EntityTags tags) {
		this.owners = owners;
		this.tags = tags;
	}

	@GetMapping
	PagedModel<OwnerResponse> search(@RequestParam(required = false) @Nullable String name,
			@Valid PageParameters paging) {
		return new PagedModel<>(this.owners.search(name, paging.toPageable(SORTABLE, Sort.by("name"))));
	}

	@PostMapping
	ResponseEntity<OwnerResponse> create(@Valid @RequestBody OwnerRequest request) {
		OwnerResponse owner = this.owners.create(UUID.randomUUID(), request);
		return ResponseEntity.created(Locations.of("/api/owners/{id}", owner.id())).body(owner);
	}

	@GetMapping("/{id}")
	ResponseEntity<OwnerResponse> get(@PathVariable UUID id) {
		return this.tags.ok(this.owners.get(id));
	}

	@PutMapping("/{id}")
	ResponseEntity<OwnerResponse> update(@PathVariable UUID id, Precondition ifMatch,
			@Valid @RequestBody OwnerRequest request) {
		return this.tags.ok(this.owners.update(id, request, ifMatch));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id, Precondition ifMatch) {
		this.owners.delete(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

}
