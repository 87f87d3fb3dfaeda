package com.example.petclinic.web;

import java.beans.PropertyEditorSupport;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * An id has one spelling: the canonical form of a UUID, 32 hexadecimal digits (ASCII,
 * either case) in groups of 8-4-4-4-12. {@link UUID#fromString} takes more, such as
 * {@code 1-1-1-1-1} for {@code 00000001-0001-0001-0001-000000000001} or Arabic-Indic
 * digits, so that one resource would have many addresses and ETags; every other spelling
 * is a malformed id. {@link Text} reads path variables and query parameters;
 * {@link StrictJson} reads ids in request bodies with {@link #parse} too.
 */
@ControllerAdvice
class CanonicalUuids {

	private static final Pattern CANONICAL = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	/**
	 * The id {@code text} spells canonically.
	 * @throws IllegalArgumentException if it is any other text
	 */
	static UUID parse(String text) {
		if (!CANONICAL.matcher(text).matches()) {
			throw new IllegalArgumentException("Not a UUID in its canonical form");
		}
		return UUID.fromString(text);
	}

	/**
	 * A property editor, not a {@code Converter}: when a conversion service's converter
	 * refuses a value, data binding falls back to the default {@code UUIDEditor}, which
	 * takes every spelling {@link UUID#fromString} takes; a custom editor is asked
	 * instead of both.
	 */
	@InitBinder
	void readIdsCanonically(WebDataBinder binder) {
		binder.registerCustomEditor(UUID.class, new Text());
	}

	/**
	 * Reads a UUID of a path variable or a query parameter.
	 */
	static final class Text extends PropertyEditorSupport {

		@Override
		public void setAsText(String text) {
			setValue(parse(text));
		}

	}

}
