package com.example.petclinic.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NamesUnitTest {

	@Test
	void normalizingStripsEveryKindOfSpaceAndComposes() {
		assertThat(Names.normalize("\u00A0\u3000 Cafe\u0301\t\n")).isEqualTo("Caf\u00e9");
		assertThat(Names.normalize("Small  Mammals")).isEqualTo("Small  Mammals");
		assertThat(Names.normalize(null)).isNull();
	}

	@Test
	void onlyInvisibleCharactersAreNotVisible() {
		assertThat(Names.hasVisibleCharacter("\u200B\u2060\u00A0\u200D")).isFalse();
		assertThat(Names.hasVisibleCharacter("")).isFalse();
		assertThat(Names.hasVisibleCharacter("\u200Bx")).isTrue();
		assertThat(Names.hasVisibleCharacter("\uD83D\uDC08")).isTrue();
	}

	@Test
	void controlCharactersAreFoundAnywhere() {
		assertThat(Names.hasControlCharacter("a\u0000b")).isTrue();
		assertThat(Names.hasControlCharacter("a\u0085")).isTrue();
		assertThat(Names.hasControlCharacter("a\u200Db")).isFalse();
	}

}
