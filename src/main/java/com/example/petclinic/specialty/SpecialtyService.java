package com.example.petclinic.specialty;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.example.petclinic.usecase.MissingReferenceException;
import com.example.petclinic.usecase.ResourceConflictException;
import com.example.petclinic.usecase.ResourceNotFoundException;
import com.example.petclinic.usecase.Precondition;
import com.example.petclinic.usecase.AfterUnknownCommit;
import com.example.petclinic.usecase.ReadUseCase;
import com.example.petclinic.usecase.WriteUseCase;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Specialties, and the rule that a specialty a vet still has cannot be deleted.
 */
@Service
public class SpecialtyService {

	private final SpecialtyRepository specialties;

	private final SpecialtyAssignments assignments;

	SpecialtyService(SpecialtyRepository specialties, SpecialtyAssignments assignments) {
		this.specialties = specialties;
		this.assignments = assignments;
	}

	@ReadUseCase
	public List<SpecialtyResponse> all() {
		return this.specialties.findAllByOrderByNameAsc().stream().map(SpecialtyResponse::of).toList();
	}

	@ReadUseCase
	public SpecialtyResponse get(String name) {
		return SpecialtyResponse.of(find(name));
	}

	@WriteUseCase(afterUnknownCommit = AfterUnknownCommit.ANSWER_UNKNOWN)
	public SpecialtyResponse create(SpecialtyRequest request) {
		if (this.specialties.existsById(request.name())) {
			throw new ResourceConflictException("Specialty %s already exists".formatted(request.name()));
		}
		return SpecialtyResponse.of(this.specialties.save(new Specialty(request.name())));
	}

	/**
	 * Deletes a specialty no vet has. As for owners and their pets (see
	 * {@code OwnerService.delete}), the row is locked first and a vet given the specialty
	 * at the same time writes the row, so that this transaction fails with a
	 * serialization failure and runs again instead of missing the new vet.
	 */
	@WriteUseCase(afterUnknownCommit = AfterUnknownCommit.REPEAT_DELETE)
	public void delete(String name, Precondition precondition) {
		if (this.specialties.lockExisting(List.of(name)).isEmpty()) {
			throw new ResourceNotFoundException("Specialty", name);
		}
		Specialty specialty = find(name);
		precondition.require(() -> SpecialtyResponse.of(specialty));
		if (this.assignments.isAssigned(name)) {
			throw new ResourceConflictException(
					"Specialty %s is still assigned to a vet; remove it from every vet first".formatted(name));
		}
		this.specialties.delete(specialty);
	}

	/**
	 * Refuses the names that are not specialties, naming them all, and otherwise writes
	 * the named specialties' rows so that none of them can be deleted by a concurrent
	 * transaction that does not see this one (see {@link #delete}). Part of the caller's
	 * transaction, never one of its own.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void requireAndLock(Collection<String> names) {
		Set<String> distinct = Set.copyOf(names);
		if (distinct.isEmpty() || this.specialties.touchExisting(distinct) == distinct.size()) {
			return;
		}
		TreeSet<String> missing = new TreeSet<>(distinct);
		this.specialties.findAllById(distinct).forEach((specialty) -> missing.remove(specialty.getName()));
		if (missing.size() == 1) {
			throw new MissingReferenceException("Specialty %s does not exist".formatted(missing.first()));
		}
		if (!missing.isEmpty()) {
			throw new MissingReferenceException("Specialties %s do not exist".formatted(String.join(", ", missing)));
		}
	}

	private Specialty find(String name) {
		return this.specialties.findById(name).orElseThrow(() -> new ResourceNotFoundException("Specialty", name));
	}

}
