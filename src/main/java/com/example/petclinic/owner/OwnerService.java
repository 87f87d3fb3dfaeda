package com.example.petclinic.owner;

import java.util.UUID;

import com.example.petclinic.listing.NamePrefix;
import com.example.petclinic.listing.Windows;
import com.example.petclinic.usecase.Precondition;
import com.example.petclinic.usecase.ResourceConflictException;
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
 * Owners with their pets. Reading one owner is one statement, the owner joined with its
 * pets; a page of owners is two whatever its size (the page, then the pets of all its
 * owners); counting them is a statement of its own, and a read of every matching row.
 */
@Service
public class OwnerService {

	private final OwnerRepository owners;

	OwnerService(OwnerRepository owners) {
		this.owners = owners;
	}

	/**
	 * A window of the owners whose name starts with {@code name} (ignoring case), or of
	 * all, with their pets.
	 * @param position where the window starts (see {@link Windows})
	 * @param sort the order: {@code nameKey} (the name ignoring case) or {@code city},
	 * then {@code id}
	 * @param size the most owners of the window
	 */
	@ReadUseCase
	public Window<OwnerResponse> search(@Nullable String name, ScrollPosition position, Sort sort, int size) {
		return Windows.read(this.owners, matching(name), position, sort, size).map(OwnerResponse::of);
	}

	/**
	 * How many owners {@link #search} finds in all: a read of every one of them.
	 */
	@ReadUseCase
	public long count(@Nullable String name) {
		return this.owners.count(matching(name));
	}

	private static Specification<Owner> matching(@Nullable String name) {
		return (name == null || name.isBlank()) ? Specification.unrestricted() : NamePrefix.of("nameKey", name);
	}

	@ReadUseCase
	public OwnerResponse get(UUID id) {
		return OwnerResponse.of(find(id));
	}

	@WriteUseCase(afterUnknownCommit = AfterUnknownCommit.REPEAT_CREATE)
	public OwnerResponse create(UUID id, OwnerRequest request) {
		return OwnerResponse
			.of(this.owners.save(new Owner(id, request.name(), request.city(), blankToNull(request.telephone()))));
	}

	@WriteUseCase(afterUnknownCommit = AfterUnknownCommit.REPEAT_REPLACE)
	public OwnerResponse update(UUID id, OwnerRequest request, Precondition precondition) {
		Owner owner = find(id);
		precondition.require(() -> OwnerResponse.of(owner));
		owner.update(request.name(), request.city(), blankToNull(request.telephone()));
		return OwnerResponse.of(owner);
	}

	/**
	 * Deletes an owner who has no pets; an owner with pets stays, so that no pet is left
	 * pointing at nobody.
	 * <p>
	 * Without foreign keys, a pet added at the same time could be missed: this
	 * transaction's snapshot (taken at its first statement, even if that statement then
	 * waits for a lock) does not show a pet committed after it. Locking the owner row
	 * does not help on its own either: on PostgreSQL a row that a concurrent transaction
	 * only <em>locked</em> raises no serialization failure for a later writer. So adding
	 * or moving a pet <em>writes</em> its owner's row (see
	 * {@code PetOwners.lockIfExists}): if that happened after this snapshot, locking the
	 * row here fails with 40001 on PostgreSQL (and the delete fails at commit on Aurora
	 * DSQL), the use case runs again with a fresh snapshot and sees the pet. The row is
	 * locked first so that the check and the delete below act on an owner no one else can
	 * touch until commit.
	 */
	@WriteUseCase(afterUnknownCommit = AfterUnknownCommit.REPEAT_DELETE)
	public void delete(UUID id, Precondition precondition) {
		if (this.owners.lockById(id).isEmpty()) {
			throw new ResourceNotFoundException("Owner", id);
		}
		Owner owner = find(id);
		precondition.require(() -> OwnerResponse.of(owner));
		if (!owner.getPets().isEmpty()) {
			throw new ResourceConflictException(
					"Owner %s still has pets; delete or move them to another owner first".formatted(id));
		}
		this.owners.delete(owner);
	}

	/** The owner with its pets, in one statement. */
	private Owner find(UUID id) {
		return this.owners.findWithPetsById(id).orElseThrow(() -> new ResourceNotFoundException("Owner", id));
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
