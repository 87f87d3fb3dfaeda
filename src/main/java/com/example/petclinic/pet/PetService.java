package com.example.petclinic.pet;

import java.util.List;
import java.util.UUID;

import com.example.petclinic.dsql.RetryOnSerializationFailure;
import com.example.petclinic.web.IfMatch;
import com.example.petclinic.web.MissingReferenceException;
import com.example.petclinic.web.ResourceNotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pets and the rule that every pet the service writes belongs to an existing owner.
 */
@Service
public class PetService {

	private final PetRepository pets;

	private final PetOwners owners;

	PetService(PetRepository pets, PetOwners owners) {
		this.pets = pets;
		this.owners = owners;
	}

	@Transactional(readOnly = true)
	public Page<Pet> search(@Nullable String name, @Nullable UUID ownerId, Pageable pageable) {
		Specification<Pet> matching = Specification.unrestricted();
		if (name != null && !name.isBlank()) {
			String prefix = name.toLowerCase() + "%";
			matching = matching.and((pet, query, cb) -> cb.like(cb.lower(pet.get("name")), prefix));
		}
		if (ownerId != null) {
			matching = matching.and((pet, query, cb) -> cb.equal(pet.get("ownerId"), ownerId));
		}
		return this.pets.findAll(matching, pageable);
	}

	@Transactional(readOnly = true)
	public Pet get(UUID id) {
		return this.pets.findById(id).orElseThrow(() -> new ResourceNotFoundException("Pet", id));
	}

	@Transactional(readOnly = true)
	public List<Pet> ofOwner(UUID ownerId) {
		if (!this.owners.exists(ownerId)) {
			throw new ResourceNotFoundException("Owner", ownerId);
		}
		return this.pets.findByOwnerIdOrderByNameAscIdAsc(ownerId);
	}

	@RetryOnSerializationFailure
	@Transactional
	public Pet add(UUID ownerId, NewPetRequest request) {
		if (!this.owners.lockIfExists(ownerId)) {
			throw new ResourceNotFoundException("Owner", ownerId);
		}
		return this.pets.save(new Pet(request.name(), request.birthDate(), ownerId));
	}

	@RetryOnSerializationFailure
	@Transactional
	public Pet update(UUID id, PetRequest request, IfMatch ifMatch) {
		Pet pet = get(id);
		ifMatch.require(() -> PetResponse.of(pet));
		if (!this.owners.lockIfExists(request.ownerId())) {
			throw new MissingReferenceException("Owner %s does not exist".formatted(request.ownerId()));
		}
		pet.update(request.name(), request.birthDate(), request.ownerId());
		return pet;
	}

	@RetryOnSerializationFailure
	@Transactional
	public void delete(UUID id, IfMatch ifMatch) {
		Pet pet = get(id);
		ifMatch.require(() -> PetResponse.of(pet));
		this.pets.delete(pet);
	}

}
