package com.example.petclinic.web;

import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ETag;

/**
 * The {@code If-Match} precondition of a {@code PUT} or {@code DELETE}: the change
 * applies only if the resource still has one of the given entity tags, so that a client
 * cannot overwrite a change it has not seen. Without the header every change applies.
 * <p>
 * Checked by the use case inside its transaction, against what that transaction reads:
 * checked before it, two clients holding the same tag could both pass and the second
 * would silently undo the first. Inside, the second one's transaction conflicts with the
 * first, is run again, and then sees the new tag.
 */
public final class IfMatch {

	private final @Nullable String header;

	private final EntityTags tags;

	IfMatch(@Nullable String header, EntityTags tags) {
		this.header = header;
		this.tags = tags;
	}

	/**
	 * Refuses the change if the resource's current representation does not match.
	 * @param current the representation as the transaction reads it now, computed only
	 * when the request has the header
	 * @throws PreconditionFailedException when no tag matches
	 */
	public void require(Supplier<?> current) {
		if (this.header == null) {
			return;
		}
		List<ETag> expected = ETag.parse(this.header);
		if (expected.stream().anyMatch(ETag::isWildcard)) {
			return;
		}
		ETag actual = ETag.create(this.tags.of(current.get()));
		if (expected.stream().noneMatch((tag) -> tag.compare(actual, true))) {
			throw new PreconditionFailedException(this.header);
		}
	}

}
