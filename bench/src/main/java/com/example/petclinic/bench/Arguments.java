package com.example.petclinic.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code --name=value} arguments of a command.
 */
record Arguments(Map<String, String> values) {

	static Arguments parse(String[] args, int from) {
		Map<String, String> values = new HashMap<>();
		for (int i = from; i < args.length; i++) {
			String arg = args[i];
			int equals = arg.indexOf('=');
			if (!arg.startsWith("--") || equals < 0) {
				throw new IllegalArgumentException("Expected --name=value but got '%s'".formatted(arg));
			}
			values.put(arg.substring(2, equals), arg.substring(equals + 1));
		}
		return new Arguments(values);
	}

	String string(String name) {
		String value = this.values.get(name);
		if (value == null) {
			throw new IllegalArgumentException("Missing argument --%s=...".formatted(name));
		}
		return value;
	}

	String string(String name, String defaultValue) {
		return this.values.getOrDefault(name, defaultValue);
	}

	int integer(String name, int defaultValue) {
		String value = this.values.get(name);
		return (value != null) ? Integer.parseInt(value) : defaultValue;
	}

	Duration seconds(String name, int defaultValue) {
		return Duration.ofSeconds(integer(name, defaultValue));
	}

	Path path(String name) {
		return Path.of(string(name));
	}

}
