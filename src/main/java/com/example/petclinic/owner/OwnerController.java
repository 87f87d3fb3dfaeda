package com.example.petclinic.owner;

import java.util.UUID;

import com.example.petclinic.usecase.Precondition;
import com.example.petclinic.web.EntityTags;
import com.example.petclinic.web.ListOrders;
import com.example.petclinic.web.ListPage;
import com.example.petclinic.web.ListQuery;
import com.example.petclinic.web.Lists;
import com.example.petclinic.web.Locations;
import com.example.petclinic.web.PageParameters;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

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

	/** By name ignoring case (as the name search), the default, or by city. */
	private static final ListOrders ORDERS = ListOrders.of("owners")
		.by("name", "nameKey", String.class)
		.by("city", "city", String.class);

	private final OwnerService owners;

	private final EntityTags tags;

	private final Lists lists;

	OwnerController(OwnerService owners, EntityTags tags, Lists lists) {
		this.owners = owners;
		this.tags = tags;
		this.lists = lists;
	}

	@GetMapping
	ResponseEntity<ListPage<OwnerResponse>> search(@RequestParam(required = false) @Nullable String name,
			@Valid PageParameters paging) {
		ListQuery query = this.lists.query(paging, ORDERS);
		return this.lists.page(query, this.owners.search(name, query.position(), query.sort(), query.size()),
				() -> this.owners.count(name));
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
