package com.example.petclinic.vet;

import java.util.Set;
import java.util.UUID;

import com.example.petclinic.listing.Windows;
import com.example.petclinic.specialty.SpecialtyService;
import com.example.petclinic.usecase.ResourceNotFoundException;
import com.example.petclinic.usecase.Precondition;
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
 * Vets, and the rule that a vet only has specialties that exist.
 */
@Service
public class VetService {

	private final VetRepository vets;

	private final SpecialtyService specialties;

	VetService(VetRepository vets, SpecialtyService specialties) {
		this.vets = vets;
		this.specialties = specialties;
	}

	/**
	 * A window of the vets that have {@code specialty}, or of all, with their
	 * specialties, in two statements whatever its size: the window, and the specialties
	 * of all its vets.
	 * @param position where the window starts (see {@link Windows})
	 * @param sort the order: {@code nameKey} (the name ignoring case), then {@code id}
	 * @param size the most vets of the window
	 */
	@ReadUseCase
	public Window<VetResponse> search(@Nullable String specialty, ScrollPosition position, Sort sort, int size) {
		return Windows.read(this.vets, matching(specialty), position, sort, size).map(VetResponse::of);
	}

	/**
	 * How many vets {@link #search} finds in all: a read of every one of them.
	 */
	@ReadUseCase
	public long count(@Nullable String specialty) {
		return this.vets.count(matching(specialty));
	}

	private static Specification<Vet> matching(@Nullable String specialty) {
		return (specialty == null || specialty.isBlank()) ? Specification.unrestricted()
				: (vet, query, cb) -> cb.isMember(specialty, vet.<Set<String>>get("specialties"));
	}

	@ReadUseCase
	public VetResponse get(UUID id) {
		return VetResponse.of(find(id));
	}

	@WriteUseCase(afterUnknownCommit = AfterUnknownCommit.REPEAT_CREATE)
	public VetResponse create(UUID id, VetRequest request) {
		this.specialties.requireAndLock(request.specialties());
		return VetResponse.of(this.vets.save(new Vet(id, request.name(), request.specialties())));
	}

	/**
	 * Replaces the vet's name and specialties. The vet's own row is written first, even
	 * when only the specialties change (rows of {@code "_SpecialtyToVet"}, which
	 * Hibernate writes without touching the vet's row): otherwise a concurrent deletion
	 * of the vet would not conflict with this change and would leave its new assignments
	 * behind, and two changes of the specialties would both commit and leave their union.
	 * Written, the row makes every concurrent change of the same vet fail with a
	 * serialization failure, so that it runs again against the new state (see
	 * {@link WriteUseCase}).
	 */
	@WriteUseCase(afterUnknownCommit = AfterUnknownCommit.REPEAT_REPLACE)
	public VetResponse update(UUID id, VetRequest request, Precondition precondition) {
		if (this.vets.touch(id) == 0) {
			throw new ResourceNotFoundException("Vet", id);
		}
		Vet vet = find(id);
		precondition.require(() -> VetResponse.of(vet));
		this.specialties.requireAndLock(request.specialties());
		vet.update(request.name(), request.specialties());
		return VetResponse.of(vet);
	}

	@WriteUseCase(afterUnknownCommit = AfterUnknownCommit.REPEAT_DELETE)
	public void delete(UUID id, Precondition precondition) {
		Vet vet = find(id);
		precondition.require(() -> VetResponse.of(vet));
		this.vets.delete(vet);
	}

	private Vet find(UUID id) {
		return this.vets.findById(id).orElseThrow(() -> new ResourceNotFoundException("Vet", id));
	}

}
