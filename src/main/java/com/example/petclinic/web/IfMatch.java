package com.example.petclinic.web;

import java.util.List;
import java.util.function.Supplier;

import com.example.petclinic.usecase.Precondition;
import com.example.petclinic.usecase.PreconditionFailedException;

import org.springframework.http.ETag;

/**
 * The {@code If-Match} precondition of a {@code PUT} or {@code DELETE}: the change
 * applies only if the resource still has one of the given entity tags, so that a client
 * cannot overwrite a change it has not seen. Without the header, and with {@code *},
 * every change applies. The tags are those of {@link EntityTags}: a hash of the JSON
 * representation the client received.
 */
final class IfMatch implements Precondition {

	private final String header;

	private final EntityTags tags;

	IfMatch(String header, EntityTags tags) {
		this.header = header;
		this.tags = tags;
	}

	@Override
	public void require(Supplier<?> current) {
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
