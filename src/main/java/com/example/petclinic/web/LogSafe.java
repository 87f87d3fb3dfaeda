package com.example.petclinic.web;

import org.jspecify.annotations.Nullable;

/**
 * Makes text a client controls safe to write into a log line: every control character
 * (C0, C1, DEL) and the Unicode line and paragraph separators are written as escapes, so
 * that a value cannot end the line and forge the next one, and the text is cut to a
 * length a log can afford.
 */
public final class LogSafe {

	private static final int MAX_LENGTH = 200;

	private LogSafe() {
	}

	/**
	 * The value in double quotes, with quotes, backslashes and control characters escaped
	 * and anything after the first {@value #MAX_LENGTH} characters replaced by
	 * {@code ...}; {@code null} as {@code null}.
	 */
	public static String quote(@Nullable String value) {
		return quote(value, MAX_LENGTH);
	}

	/**
	 * The value quoted as by {@link #quote(String)}, cut after {@code maxLength}
	 * characters.
	 */
	public static String quote(@Nullable String value, int maxLength) {
		if (value == null) {
			return "null";
		}
		int end = Math.min(value.length(), maxLength);
		StringBuilder quoted = new StringBuilder(end + 8).append('"');
		for (int i = 0; i < end; i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				case '\t' -> quoted.append("\\t");
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				default -> {
					if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
						quoted.append("\\u%04X".formatted((int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		quoted.append('"');
		if (end < value.length()) {
			quoted.append("...");
		}
		return quoted.toString();
	}

}
