package com.example.petclinic.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API speaks JSON only, and reads it strictly: a request body means what it says or
 * is a {@code 400}. Jackson by default turns a number or a boolean into text (an owner
 * named {@code "123"}), lets the last of two equal keys win, and hands on a lone UTF-16
 * surrogate ({@code "\ud800"}) that the database then stores as {@code ?}; it reads a
 * date from a number (days since 1970) or an array; and Spring MVC registers a converter
 * for every format whose library is on the class path (YAML comes with springdoc).
 */
@Configuration(proxyBeanMethods = false)
class StrictJson implements WebMvcConfigurer {

	/**
	 * Formats the API neither reads nor writes. The API document at
	 * {@code /v3/api-docs.yaml} is unaffected: springdoc writes the YAML itself and
	 * answers it as text.
	 */
	private static final List<MediaType> OTHER_FORMATS = List.of(MediaType.APPLICATION_YAML,
			MediaType.valueOf("application/cbor"), MediaType.valueOf("application/x-jackson-smile"),
			MediaType.APPLICATION_XML, MediaType.TEXT_XML);

	@Bean
	JsonMapperBuilderCustomizer strictJsonReading() {
		SimpleModule module = new SimpleModule("strict-json-reading")
			.addDeserializer(String.class, new WholeCharactersOnly())
			.addDeserializer(UUID.class, new TextOnly<>(UUID.class, CanonicalUuids::parse))
			.addDeserializer(LocalDate.class, new TextOnly<>(LocalDate.class, LocalDate::parse));
		return (builder) -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.withCoercionConfig(LogicalType.Textual,
					(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.addModule(module);
	}

	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
		builder.configureMessageConvertersList((converters) -> converters.removeIf(StrictJson::isOtherFormat));
	}

	private static boolean isOtherFormat(HttpMessageConverter<?> converter) {
		return converter.getSupportedMediaTypes()
			.stream()
			.anyMatch((type) -> OTHER_FORMATS.stream().anyMatch(type::equalsTypeAndSubtype));
	}

	/**
	 * Reads text as Jackson does, but refuses text with a lone UTF-16 surrogate, half of
	 * a character that no column can store: the database would store {@code ?} while the
	 * response echoed the request, so that the {@code ETag} never matched again.
	 */
	static final class WholeCharactersOnly extends StdScalarDeserializer<String> {

		WholeCharactersOnly() {
			super(String.class);
		}

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String text = StringDeserializer.instance.deserialize(parser, context);
			if (text != null && hasLoneSurrogate(text)) {
				return (String) context.handleWeirdStringValue(String.class, text,
						"holds a lone UTF-16 surrogate, half of a character");
			}
			return text;
		}

		@Override
		public LogicalType logicalType() {
			return LogicalType.Textual;
		}

		static boolean hasLoneSurrogate(String text) {
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (Character.isHighSurrogate(c) && i + 1 < text.length()
						&& Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
				}
				else if (Character.isSurrogate(c)) {
					return true;
				}
			}
			return false;
		}

	}

	/**
	 * Reads a value from JSON text only, in the one spelling {@code parse} accepts: a
	 * number, a list or an object where the value is expected is refused, as is any other
	 * text.
	 */
	static final class TextOnly<T> extends StdScalarDeserializer<T> {

		private final Class<T> type;

		private final Function<String, T> parse;

		TextOnly(Class<T> type, Function<String, T> parse) {
			super(type);
			this.type = type;
			this.parse = parse;
		}

		@Override
		public T deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				return this.type.cast(context.handleUnexpectedToken(this.type, parser));
			}
			String text = parser.getString();
			try {
				return this.parse.apply(text);
			}
			catch (IllegalArgumentException | DateTimeParseException ex) {
				return this.type.cast(context.handleWeirdStringValue(this.type, text, ex.getMessage()));
			}
		}

	}

}
