package com.example.petclinic.specialty;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import com.example.petclinic.web.MissingReferenceException;
import com.example.petclinic.web.ResourceConflictException;
import com.example.petclinic.web.ResourceNotFoundException;

import org.springframework.stereotype.Service;
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

	@Transactional(readOnly = true)
	public List<Specialty> all() {
		return this.specialties.findAllByOrderByNameAsc();
	}

	@Transactional(readOnly = true)
	public Specialty get(String name) {
		return this.specialties.findById(name).orElseThrow(() -> new ResourceNotFoundException("Specialty", name));
	}

	@Transactional
	public Specialty create(SpecialtyRequest request) {
		if (this.specialties.existsById(request.name())) {
			throw new ResourceConflictException("Specialty %s already exists".formatted(request.name()));
		}
		return this.specialties.save(new Specialty(request.name()));
	}

	@Transactional
	public void delete(String name) {
		Specialty specialty = get(name);
		if (this.assignments.isAssigned(name)) {
			throw new ResourceConflictException(
					"Specialty %s is still assigned to a vet; remove it from every vet first".formatted(name));
		}
		this.specialties.delete(specialty);
	}

	/**
	 * Refuses the names that are not specialties, naming them all, and otherwise locks
	 * the named specialties for the rest of the transaction so that none of them can be
	 * deleted under it.
	 */
	@Transactional
	public void requireAndLock(Collection<String> names) {
		if (names.isEmpty()) {
			return;
		}
		TreeSet<String> missing = new TreeSet<>(names);
		missing.removeAll(this.specialties.lockExisting(names));
		if (missing.size() == 1) {
			throw new MissingReferenceException("Specialty %s does not exist".formatted(missing.first()));
		}
		if (!missing.isEmpty()) {
			throw new MissingReferenceException("Specialties %s do not exist".formatted(String.join(", ", missing)));
		}
	}

}
