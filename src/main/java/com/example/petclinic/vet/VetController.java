package com.example.petclinic.vet;

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
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
@RequestMapping("/api/vets")
class VetController {

	/** By name ignoring case. */
	private static final ListOrders ORDERS = ListOrders.of("vets").by("name", "nameKey", String.class);

	private final VetService vets;

	private final EntityTags tags;

	private final Lists lists;

	VetController(VetService vets, EntityTags tags, Lists lists) {
		this.vets = vets;
		this.tags = tags;
		this.lists = lists;
	}

	@GetMapping
	ResponseEntity<ListPage<VetResponse>> search(@RequestParam(required = false) @Nullable String specialty,
			@Valid PageParameters paging) {
		ListQuery query = this.lists.query(paging, ORDERS);
		return this.lists.page(query, this.vets.search(specialty, query.position(), query.sort(), query.size()),
				() -> this.vets.count(specialty));
	}

	@ApiResponse(responseCode = "200", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "422", description = "A named specialty does not exist")
	@PostMapping
	ResponseEntity<VetResponse> create(@Valid @RequestBody VetRequest request) {
		VetResponse vet = this.vets.create(UUID.randomUUID(), request);
		return ResponseEntity.created(Locations.of("/api/vets/{id}", vet.id())).body(vet);
	}

	@GetMapping("/{id}")
	ResponseEntity<VetResponse> get(@PathVariable UUID id) {
		return this.tags.ok(this.vets.get(id));
	}

	@ApiResponse(responseCode = "200", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "422", description = "A named specialty does not exist")
	@PutMapping("/{id}")
	ResponseEntity<VetResponse> update(@PathVariable UUID id, Precondition ifMatch,
			@Valid @RequestBody VetRequest request) {
		return this.tags.ok(this.vets.update(id, request, ifMatch));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id, Precondition ifMatch) {
		this.vets.delete(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

}
