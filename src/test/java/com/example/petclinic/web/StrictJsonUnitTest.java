package com.example.petclinic.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StrictJsonUnitTest {

	private final JsonMapper mapper = strictMapper();

	@Test
	void textIsReadAsSent() {
		Body body = read("""
				{"name": "Caf\\u00e9 \\ud83d\\ude00", "names": ["a", "b"]}""");

		assertThat(body.name()).isEqualTo("Caf\u00e9 \uD83D\uDE00");
		assertThat(body.names()).containsExactly("a", "b");
	}

	@Test
	void nullTextStaysNullForValidationToRefuse() {
		assertThat(read("""
				{"name": null}""").name()).isNull();
	}

	@Test
	void scalarsOfAnotherTypeAreNotText() {
		for (String json : List.of("{\"name\": 1}", "{\"name\": 1.5}", "{\"name\": false}", "{\"names\": [1]}")) {
			assertThatExceptionOfType(JacksonException.class).as(json).isThrownBy(() -> read(json));
		}
	}

	@Test
	void loneSurrogatesAreRefusedWhereverTheyStand() {
		for (String json : List.of("{\"name\": \"\\ud800\"}", "{\"name\": \"a\\udc00\"}",
				"{\"name\": \"\\udc00\\ud800\"}", "{\"names\": [\"ok\", \"\\ud83d\"]}")) {
			assertThatExceptionOfType(JacksonException.class).as(json).isThrownBy(() -> read(json));
		}
	}

	@Test
	void duplicateKeysAreRefused() {
		assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> read("""
				{"name": "a", "name": "b"}"""));
	}

	@Test
	void idsAreReadInTheirCanonicalSpellingOnly() {
		UUID id = UUID.randomUUID();

		assertThat(read("{\"id\": \"" + id + "\"}").id()).isEqualTo(id);
		assertThat(read("{\"id\": \"" + id.toString().toUpperCase(java.util.Locale.ROOT) + "\"}").id()).isEqualTo(id);
		for (String json : List.of("{\"id\": \"1-1-1-1-1\"}", "{\"id\": \"" + id.toString().replace("-", "") + "\"}",
				"{\"id\": 1}", "{\"id\": \"\u0660" + id.toString().substring(1) + "\"}")) {
			assertThatExceptionOfType(JacksonException.class).as(json).isThrownBy(() -> read(json));
		}
	}

	@Test
	void datesAreIsoTextOnly() {
		assertThat(read("{\"date\": \"2020-02-29\"}").date()).isEqualTo(LocalDate.of(2020, 2, 29));
		for (String json : List.of("{\"date\": 20000}", "{\"date\": [2020, 1, 1]}", "{\"date\": \"2020-02-30\"}",
				"{\"date\": true}")) {
			assertThatExceptionOfType(JacksonException.class).as(json).isThrownBy(() -> read(json));
		}
	}

	private Body read(String json) {
		return this.mapper.readValue(json, Body.class);
	}

	private static JsonMapper strictMapper() {
		JsonMapper.Builder builder = JsonMapper.builder();
		new StrictJson().strictJsonReading().customize(builder);
		return builder.build();
	}

	record Body(@Nullable String name, @Nullable List<String> names, @Nullable UUID id, @Nullable LocalDate date) {

	}

}
