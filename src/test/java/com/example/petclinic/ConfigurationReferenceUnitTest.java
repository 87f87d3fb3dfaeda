package com.example.petclinic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each {@code petclinic.*} default is written once, in its properties record (or, for a
 * setting without one, in the additional metadata); the configuration processor's
 * metadata carries it, and the README's configuration table must say the same.
 */
class ConfigurationReferenceUnitTest {

	private static final Pattern README_ROW = Pattern
		.compile("^\\| `(petclinic\\.[a-z.-]+)` \\| `[A-Z_]+` \\| ([^|]+) \\|", Pattern.MULTILINE);

	private static final Pattern CODE = Pattern.compile("^`([^`]*)`");

	@Test
	void theReadmeDocumentsEverySettingWithItsDefault() throws IOException {
		Map<String, String> documented = readmeDefaults();
		Map<String, String> metadata = metadataDefaults();

		assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(metadata.keySet());
		metadata.forEach((property, defaultValue) -> assertThat(sameValue(documented.get(property), defaultValue))
			.as("README default of %s is '%s', the record's is '%s'", property, documented.get(property), defaultValue)
			.isTrue());
	}

	@Test
	void applicationPropertiesRepeatsNoDefault() throws IOException {
		Properties properties = new Properties();
		try (InputStream file = ConfigurationReferenceUnitTest.class.getClassLoader()
			.getResourceAsStream("application.properties")) {
			properties.load(file);
		}

		assertThat(properties.stringPropertyNames()).noneMatch((name) -> name.startsWith("petclinic."));
	}

	private static Map<String, String> readmeDefaults() throws IOException {
		Map<String, String> defaults = new TreeMap<>();
		Matcher row = README_ROW.matcher(Files.readString(Path.of("README.md")));
		while (row.find()) {
			Matcher code = CODE.matcher(row.group(2).trim());
			defaults.put(row.group(1), code.find() ? code.group(1) : "");
		}
		return defaults;
	}

	private static Map<String, String> metadataDefaults() throws IOException {
		Map<String, String> defaults = new TreeMap<>();
		for (String resource : new String[] { "META-INF/spring-configuration-metadata.json",
				"META-INF/additional-spring-configuration-metadata.json" }) {
			try (InputStream metadata = ConfigurationReferenceUnitTest.class.getClassLoader()
				.getResourceAsStream(resource)) {
				assertThat(metadata).as(resource).isNotNull();
				for (JsonNode property : JsonMapper.builder().build().readTree(metadata).get("properties")) {
					String name = property.get("name").asString();
					if (name.startsWith("petclinic.")) {
						JsonNode value = property.get("defaultValue");
						defaults.put(name, (value != null) ? value.asString() : "");
					}
				}
			}
		}
		return defaults;
	}

	private static boolean sameValue(String documented, String defaultValue) {
		if (documented.equals(defaultValue)) {
			return true;
		}
		try {
			return Double.parseDouble(documented) == Double.parseDouble(defaultValue);
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

}
