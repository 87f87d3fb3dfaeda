package com.example.petclinic.owner;

import java.util.Set;
import java.util.UUID;

import com.example.petclinic.web.EntityTags;
import com.example.petclinic.web.Locations;
import com.example.petclinic.web.PageParameters;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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
		OwnerResponse owner = this.owners.create(request);
		return ResponseEntity.created(Locations.of("/api/owners/{id}", owner.id())).body(owner);
	}

	@GetMapping("/{id}")
	ResponseEntity<OwnerResponse> get(@PathVariable UUID id) {
		return tagged(this.owners.get(id));
	}

	@PutMapping("/{id}")
	ResponseEntity<OwnerResponse> update(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@Valid @RequestBody OwnerRequest request) {
		return tagged(this.owners.update(id, request, this.tags.ifMatch(ifMatch)));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		this.owners.delete(id, this.tags.ifMatch(ifMatch));
		return ResponseEntity.noContent().build();
	}

	private ResponseEntity<OwnerResponse> tagged(OwnerResponse owner) {
		return ResponseEntity.ok().eTag(this.tags.of(owner)).body(owner);
	}

}
