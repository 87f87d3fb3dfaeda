package com.example.petclinic.web;

import java.util.List;
import java.util.function.Supplier;

import com.example.petclinic.usecase.Precondition;
import com.example.petclinic.usecase.PreconditionFailedException;

import org.springframework.http.ETag;

/**
 * The {@code If-Match} precondition of a {@code PUT} or {@code DELETE}: the change
 * applies only if the resource still has one of the given entity tags, so that a client
 * cannot overwrite a change it has not seen. With {@code *} every change applies (and
 * without the header, {@link Precondition#NONE}). The tags are those of
 * {@link EntityTags}: a hash of the JSON representation the client received.
 *
 * @param header the header's value
 * @param tags how the current representation's tag is computed
 */
record IfMatch(String header, EntityTags tags) implements Precondition {

	@Override
	public void require(Supplier<?> current) {
		List<ETag> expected = ETag.parse(this.header);
		if (expected.stream().anyMatch(ETag::isWildcard)) {
			return;
		}
		Object representation = current.get();
		ETag actual = ETag.create(this.tags.of(representation));
		if (expected.stream().noneMatch((tag) -> tag.compare(actual, true))) {
			throw new PreconditionFailedException(this.header, representation);
		}
	}

}
