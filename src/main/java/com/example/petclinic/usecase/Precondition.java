package com.example.petclinic.usecase;

import java.util.function.Supplier;

/**
 * What a change requires of the resource's current state, such as the {@code If-Match}
 * header of a {@code PUT} or {@code DELETE}: the change applies only if the resource
 * still is as the client last saw it.
 * <p>
 * Checked by the use case inside its transaction, against what that transaction reads:
 * checked before it, two clients holding the same view could both pass and the second
 * would silently undo the first. Inside, the second one's transaction conflicts with the
 * first, is run again, and then sees the new state.
 */
@FunctionalInterface
public interface Precondition {

	/** No requirement: every change applies. */
	Precondition NONE = (current) -> {
	};

	/**
	 * Refuses the change if the resource's current representation does not satisfy the
	 * precondition.
	 * @param current the representation as the transaction reads it now, computed only
	 * when the precondition needs it
	 * @throws PreconditionFailedException when it is not satisfied
	 */
	void require(Supplier<?> current);

}
