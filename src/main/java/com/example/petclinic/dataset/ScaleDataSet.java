package com.example.petclinic.dataset;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The rows of the data set, each a function of its number, so that a load run again
 * writes the same rows and can tell which it wrote already. Owner {@code n} has two pets;
 * there is one vet per thousand owners (at least ten), each with up to three of
 * {@link #SPECIALTIES}.
 * <p>
 * Names are {@code Owner}, {@code Pet} or {@code Vet} and six letters that spread evenly
 * over the alphabet whatever the size (the number times a constant prime to 26, modulo
 * 26⁶), so that a prefix such as {@code owner a} matches the same share of a small data
 * set and of a large one. Ids are name-based UUIDs of the row's kind and number: unique,
 * repeatable, and spread over the key space as random ones are.
 */
final class ScaleDataSet {

	static final List<String> SPECIALTIES = List.of("anesthesiology", "cardiology", "dentistry", "dermatology",
			"neurology", "nutrition", "oncology", "ophthalmology", "radiology", "surgery");

	static final int PETS_PER_OWNER = 2;

	private static final List<String> CITIES = List.of("Madison", "Sun Prairie", "McFarland", "Windsor", "Monona",
			"Waunakee", "Seattle", "Portland", "Denver", "Austin");

	private static final long LETTER_SPACE = 308_915_776L; // 26^6

	private static final long SPREAD = 7_368_787L; // a prime, so n -> n * SPREAD mod 26^6
													// is one to one

	private static final LocalDate OLDEST_PET = LocalDate.of(2008, 1, 1);

	private ScaleDataSet() {
	}

	static int vets(long owners) {
		return (int) Math.max(10, owners / 1_000);
	}

	static UUID ownerId(long n) {
		return id("owner", n);
	}

	static String ownerName(long n) {
		return "Owner " + letters(n);
	}

	static String city(long n) {
		return CITIES.get((int) (n % CITIES.size()));
	}

	static String telephone(long n) {
		return "555-%04d".formatted(n % 10_000);
	}

	/** The id of pet {@code p} (0 or 1) of owner {@code n}. */
	static UUID petId(long n, int p) {
		return id("pet", n * PETS_PER_OWNER + p);
	}

	static String petName(long n, int p) {
		return "Pet " + letters(n * PETS_PER_OWNER + p);
	}

	static LocalDate birthDate(long n, int p) {
		return OLDEST_PET.plusDays(Math.floorMod((n * PETS_PER_OWNER + p) * SPREAD, 6_000));
	}

	static UUID vetId(long v) {
		return id("vet", v);
	}

	static String vetName(long v) {
		return "Vet " + letters(v);
	}

	/** Vet {@code v}'s specialties: none to three. */
	static List<String> specialtiesOf(long v) {
		int count = (int) (v % 4);
		return java.util.stream.IntStream.range(0, count)
			.mapToObj((i) -> SPECIALTIES.get((int) ((v + i * 3) % SPECIALTIES.size())))
			.toList();
	}

	private static String letters(long n) {
		long value = Math.floorMod(n * SPREAD, LETTER_SPACE);
		char[] letters = new char[6];
		for (int i = letters.length - 1; i >= 0; i--) {
			letters[i] = (char) ('a' + value % 26);
			value /= 26;
		}
		return new String(letters);
	}

	private static UUID id(String kind, long n) {
		return UUID.nameUUIDFromBytes((kind + "/" + n).getBytes(StandardCharsets.UTF_8));
	}

}
