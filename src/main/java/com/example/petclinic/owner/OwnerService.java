package com.example.petclinic.owner;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.example.petclinic.pet.Pet;
import com.example.petclinic.pet.PetRepository;
import com.example.petclinic.web.ResourceConflictException;
import com.example.petclinic.web.ResourceNotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Owners with their pets. Reading one owner costs two statements and a page of owners
 * three (the page, its count, and the pets of all its owners), whatever the page size.
 */
@Service
public class OwnerService {

	private final OwnerRepository owners;

	private final PetRepository pets;

	OwnerService(OwnerRepository owners, PetRepository pets) {
		this.owners = owners;
		this.pets = pets;
	}

	@Transactional(readOnly = true)
	public Page<OwnerResponse> search(@Nullable String name, Pageable pageable) {
		Page<Owner> page = (name == null || name.isBlank()) ? this.owners.findAll(pageable)
				: this.owners.findByNameStartingWithIgnoreCase(name, pageable);
		Map<UUID, List<Pet>> petsByOwner = this.pets.findByOwnerIdInOrderByNameAscIdAsc(page.map(Owner::getId).toList())
			.stream()
			.collect(Collectors.groupingBy(Pet::getOwnerId));
		return page.map((owner) -> OwnerResponse.of(owner, petsByOwner.getOrDefault(owner.getId(), List.of())));
	}

	@Transactional(readOnly = true)
	public OwnerResponse get(UUID id) {
		return withPets(find(id));
	}

	@Transactional
	public OwnerResponse create(OwnerRequest request) {
		return withPets(this.owners.save(new Owner(request.name(), request.city(), blankToNull(request.telephone()))));
	}

	@Transactional
	public OwnerResponse update(UUID id, OwnerRequest request) {
		Owner owner = find(id);
		owner.update(request.name(), request.city(), blankToNull(request.telephone()));
		return withPets(owner);
	}

	/**
	 * Deletes an owner who has no pets; an owner with pets stays, so that no pet is left
	 * pointing at nobody.
	 */
	@Transactional
	public void delete(UUID id) {
		Owner owner = find(id);
		if (this.pets.existsByOwnerId(id)) {
			throw new ResourceConflictException(
					"Owner %s still has pets; delete or move them to another owner first".formatted(id));
		}
		this.owners.delete(owner);
	}

	private Owner find(UUID id) {
		return this.owners.findById(id).orElseThrow(() -> new ResourceNotFoundException("Owner", id));
	}

	private OwnerResponse withPets(Owner owner) {
		return OwnerResponse.of(owner, this.pets.findByOwnerIdInOrderByNameAscIdAsc(List.of(owner.getId())));
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
