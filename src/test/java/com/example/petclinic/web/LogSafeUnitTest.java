package com.example.petclinic.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogSafeUnitTest {

	@Test
	void lineBreaksAndOtherControlCharactersAreEscaped() {
		assertThat(LogSafe.quote("a\nb\rc\td\u0000e\u001bf\u0085g\u2028h\u2029i\u007f"))
			.isEqualTo("\"a\\nb\\rc\\td\\u0000e\\u001Bf\\u0085g\\u2028h\\u2029i\\u007F\"");
	}

	@Test
	void quotesAndBackslashesAreEscapedSoTheQuotedValueCannotEndEarly() {
		assertThat(LogSafe.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
	}

	@Test
	void printableTextIsKeptAsItIs() {
		assertThat(LogSafe.quote("Café 🐈 (name)=(Cats)")).isEqualTo("\"Café 🐈 (name)=(Cats)\"");
	}

	@Test
	void longValuesAreCut() {
		assertThat(LogSafe.quote("x".repeat(1000))).isEqualTo("\"" + "x".repeat(200) + "\"...");
	}

	@Test
	void nullIsNull() {
		assertThat(LogSafe.quote(null)).isEqualTo("null");
	}

}
