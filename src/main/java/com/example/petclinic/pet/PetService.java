package com.example.petclinic.pet;

import java.util.List;
import java.util.UUID;

import com.example.petclinic.listing.NamePrefix;
import com.example.petclinic.listing.Windows;
import com.example.petclinic.usecase.MissingReferenceException;
import com.example.petclinic.usecase.Precondition;
import com.example.petclinic.usecase.ResourceNotFoundException;
import com.example.petclinic.usecase.AfterUnknownCommit;
import com.example.petclinic.usecase.ReadUseCase;
import com.example.petclinic.usecase.WriteUseCase;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;

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

	/**
	 * A window of the pets whose name starts with {@code name} (ignoring case) and whose
	 * owner is {@code ownerId}, each filter only when given.
	 * @param position where the window starts (see {@link Windows})
	 * @param sort the order: {@code nameKey} (the name ignoring case) or
	 * {@code birthDate}, then {@code id}
	 * @param size the most pets of the window
	 */
	@ReadUseCase
	public Window<PetResponse> search(@Nullable String name, @Nullable UUID ownerId, ScrollPosition position, Sort sort,
			int size) {
		return Windows.read(this.pets, matching(name, ownerId), position, sort, size).map(PetResponse::of);
	}

	/**
	 * How many pets {@link #search} finds in all: a read of every one of them.
	 */
	@ReadUseCase
	public long count(@Nullable String name, @Nullable UUID ownerId) {
		return this.pets.count(matching(name, ownerId));
	}

	private static Specification<Pet> matching(@Nullable String name, @Nullable UUID ownerId) {
		Specification<Pet> matching = Specification.unrestricted();
		if (name != null && !name.isBlank()) {
			matching = matching.and(NamePrefix.of("nameKey", name));
		}
		if (ownerId != null) {
			matching = matching.and((pet, query, cb) -> cb.equal(pet.get("ownerId"), ownerId));
		}
		return matching;
	}

	@ReadUseCase
	public PetResponse get(UUID id) {
		return PetResponse.of(find(id));
	}

	@ReadUseCase
	public List<PetResponse> ofOwner(UUID ownerId) {
		if (!this.owners.exists(ownerId)) {
			throw new ResourceNotFoundException("Owner", ownerId);
		}
		return this.pets.findByOwnerIdOrderByNameKeyAscIdAsc(ownerId).stream().map(PetResponse::of).toList();
	}

	@WriteUseCase(afterUnknownCommit = AfterUnknownCommit.REPEAT_CREATE)
	public PetResponse add(UUID id, UUID ownerId, NewPetRequest request) {
		if (!this.owners.lockIfExists(ownerId)) {
			throw new ResourceNotFoundException("Owner", ownerId);
		}
		return PetResponse.of(this.pets.save(new Pet(id, request.name(), request.birthDate(), ownerId)));
	}

	@WriteUseCase(afterUnknownCommit = AfterUnknownCommit.REPEAT_REPLACE)
	public PetResponse update(UUID id, PetRequest request, Precondition precondition) {
		Pet pet = find(id);
		precondition.require(() -> PetResponse.of(pet));
		if (!this.owners.lockIfExists(request.ownerId())) {
			throw new MissingReferenceException("Owner %s does not exist".formatted(request.ownerId()));
		}
		pet.update(request.name(), request.birthDate(), request.ownerId());
		return PetResponse.of(pet);
	}

	@WriteUseCase(afterUnknownCommit = AfterUnknownCommit.REPEAT_DELETE)
	public void delete(UUID id, Precondition precondition) {
		Pet pet = find(id);
		precondition.require(() -> PetResponse.of(pet));
		this.pets.delete(pet);
	}

	private Pet find(UUID id) {
		return this.pets.findById(id).orElseThrow(() -> new ResourceNotFoundException("Pet", id));
	}

}
