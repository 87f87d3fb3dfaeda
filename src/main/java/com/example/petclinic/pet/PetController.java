package com.example.petclinic.pet;

import java.time.LocalDate;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PetController {

	/** By name ignoring case (as the name search), the default, or by birth date. */
	private static final ListOrders ORDERS = ListOrders.of("pets")
		.by("name", "nameKey", String.class)
		.by("birthDate", "birthDate", LocalDate.class);

	private final PetService pets;

	private final EntityTags tags;

	private final Lists lists;

	PetController(PetService pets, EntityTags tags, Lists lists) {
		this.pets = pets;
		this.tags = tags;
		this.lists = lists;
	}

	@GetMapping("/api/pets")
	ResponseEntity<ListPage<PetResponse>> search(@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable UUID ownerId, @Valid PageParameters paging) {
		ListQuery query = this.lists.query(paging, ORDERS);
		return this.lists.page(query, this.pets.search(name, ownerId, query.position(), query.sort(), query.size()),
				() -> this.pets.count(name, ownerId));
	}

	@GetMapping("/api/pets/{id}")
	ResponseEntity<PetResponse> get(@PathVariable UUID id) {
		return this.tags.ok(this.pets.get(id));
	}

	@ApiResponse(responseCode = "200", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "422", description = "The new owner does not exist")
	@PutMapping("/api/pets/{id}")
	ResponseEntity<PetResponse> update(@PathVariable UUID id, Precondition ifMatch,
			@Valid @RequestBody PetRequest request) {
		return this.tags.ok(this.pets.update(id, request, ifMatch));
	}

	@DeleteMapping("/api/pets/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id, Precondition ifMatch) {
		this.pets.delete(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/owners/{ownerId}/pets")
	List<PetResponse> ofOwner(@PathVariable UUID ownerId) {
		return this.pets.ofOwner(ownerId);
	}

	@PostMapping("/api/owners/{ownerId}/pets")
	ResponseEntity<PetResponse> add(@PathVariable UUID ownerId, @Valid @RequestBody NewPetRequest request) {
		PetResponse pet = this.pets.add(UUID.randomUUID(), ownerId, request);
		return ResponseEntity.created(Locations.of("/api/pets/{id}", pet.id())).body(pet);
	}

}
