package com.example.petclinic.validation;

import java.text.Normalizer;

import org.jspecify.annotations.Nullable;

/**
 * The one spelling of a name: without surrounding white space (any Unicode space, U+00A0
 * included) and composed (Unicode NFC), so that {@code "Cats "} is {@code "Cats"} and a
 * decomposed {@code "Café"} is the composed one.
 */
public final class Names {

	private Names() {
	}

	/**
	 * The stored spelling of {@code name}; {@code null} stays {@code null} for validation
	 * to refuse.
	 * @param name a name as sent
	 * @return the name stripped and composed
	 */
	public static @Nullable String normalize(@Nullable String name) {
		return (name != null) ? Normalizer.normalize(strip(name), Normalizer.Form.NFC) : null;
	}

	/**
	 * Like {@link String#strip()}, but also removes the spaces that Java does not count
	 * as white space, such as U+00A0 (no-break space).
	 */
	private static String strip(String name) {
		int start = 0;
		int end = name.length();
		while (start < end && isSpace(name.codePointAt(start))) {
			start += Character.charCount(name.codePointAt(start));
		}
		while (end > start && isSpace(name.codePointBefore(end))) {
			end -= Character.charCount(name.codePointBefore(end));
		}
		return name.substring(start, end);
	}

	private static boolean isSpace(int c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c);
	}

	/**
	 * Whether {@code value} shows anything: a character that is not a control (Cc),
	 * format (Cf, such as U+200B) or separator (Z*, such as U+00A0) character.
	 */
	static boolean hasVisibleCharacter(String value) {
		return value.codePoints().anyMatch((c) -> !isInvisible(c));
	}

	/**
	 * Whether {@code value} holds a control character (Cc): tab, new line, U+0000, U+0085
	 * and the like have no place in a name, and would let a name forge lines of a log.
	 */
	static boolean hasControlCharacter(String value) {
		return value.codePoints().anyMatch((c) -> Character.getType(c) == Character.CONTROL);
	}

	private static boolean isInvisible(int c) {
		return switch (Character.getType(c)) {
			case Character.CONTROL, Character.FORMAT, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
					Character.PARAGRAPH_SEPARATOR ->
				true;
			default -> false;
		};
	}

}
