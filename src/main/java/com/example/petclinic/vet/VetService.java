package com.example.petclinic.vet;

import java.util.UUID;

import com.example.petclinic.specialty.SpecialtyService;
import com.example.petclinic.usecase.ResourceNotFoundException;
import com.example.petclinic.usecase.Precondition;
import com.example.petclinic.usecase.AfterUnknownCommit;
import com.example.petclinic.usecase.ReadUseCase;
import com.example.petclinic.usecase.WriteUseCase;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
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
	 * A page of vets with their specialties, in three statements whatever the page size:
	 * the page, its count, and the specialties of all its vets.
	 */
	@ReadUseCase
	public Page<VetResponse> search(@Nullable String specialty, Pageable pageable) {
		Page<Vet> page = (specialty == null || specialty.isBlank()) ? this.vets.findAll(pageable)
				: this.vets.findBySpecialty(specialty, pageable);
		return page.map(VetResponse::of);
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
