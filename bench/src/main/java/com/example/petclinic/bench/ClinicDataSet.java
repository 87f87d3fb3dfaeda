package com.example.petclinic.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * The benchmark's data set: owners with one to three pets each, vets with up to three of
 * ten specialties. The same seed always gives the same rows, so runs compare. Written in
 * transactions of at most 2,000 rows, because Aurora DSQL takes fewer than 3,000 per
 * transaction.
 */
final class ClinicDataSet {

	/** 500 owners and at most 1,500 pets per transaction. */
	private static final int OWNERS_PER_TRANSACTION = 500;

	private static final List<String> SPECIALTIES = List.of("anesthesiology", "cardiology", "dentistry", "dermatology",
			"neurology", "nutrition", "oncology", "ophthalmology", "radiology", "surgery");

	private static final List<String> FIRST_NAMES = List.of("George", "Betty", "Eduardo", "Harold", "Peter", "Jean",
			"Jeff", "Maria", "David", "Carlos", "Helen", "Linda", "James", "Sharon", "Rafael", "Henry", "Alice",
			"Sofia", "Omar", "Yuki");

	private static final List<String> LAST_NAMES = List.of("Franklin", "Davis", "Rodriquez", "McTavish", "Schroeder",
			"Black", "Coleman", "Escobito", "Estaban", "Leary", "Douglas", "Jenkins", "Carter", "Ortega", "Stevens",
			"Nakamura", "Okafor", "Lindqvist", "Moreau", "Kowalski");

	private static final List<String> CITIES = List.of("Madison", "Sun Prairie", "McFarland", "Windsor", "Monona",
			"Waunakee", "Seattle", "Portland", "Denver", "Austin");

	private static final List<String> PET_NAMES = List.of("Leo", "Basil", "Rosy", "Jewel", "Iggy", "George", "Samantha",
			"Max", "Lucky", "Mulligan", "Freddy", "Sly", "Bella", "Milo", "Luna", "Oscar");

	private static final LocalDate OLDEST_PET = LocalDate.of(2008, 1, 1);

	private final int owners;

	private final int vets;

	private final Random random = new Random(20_250_907L);

	ClinicDataSet(int owners, int vets) {
		this.owners = owners;
		this.vets = vets;
	}

	/**
	 * Writes the data set into empty tables and the owners' ids, one a line, into
	 * {@code ownerIdsFile}.
	 */
	void load(DataSource dataSource, Path ownerIdsFile) throws SQLException, IOException {
		long started = System.nanoTime();
		try (Connection connection = dataSource.getConnection()) {
			requireNoOwners(connection);
			connection.setAutoCommit(false);
			insertSpecialtiesAndVets(connection);
			connection.commit();
			List<String> ownerIds = new ArrayList<>(this.owners);
			int pets = 0;
			for (int first = 0; first < this.owners; first += OWNERS_PER_TRANSACTION) {
				pets += insertOwnersWithPets(connection, Math.min(OWNERS_PER_TRANSACTION, this.owners - first),
						ownerIds);
				connection.commit();
			}
			Files.createDirectories(ownerIdsFile.toAbsolutePath().getParent());
			Files.write(ownerIdsFile, ownerIds);
			System.err.printf("Loaded %,d owners with %,d pets, %d vets and %d specialties in %.1f s%n", this.owners,
					pets, this.vets, SPECIALTIES.size(), (System.nanoTime() - started) / 1e9);
		}
	}

	private static void requireNoOwners(Connection connection) throws SQLException {
		try (PreparedStatement count = connection.prepareStatement("select count(*) from owner");
				ResultSet result = count.executeQuery()) {
			result.next();
			if (result.getLong(1) > 0) {
				throw new IllegalStateException(
						"The database already holds %,d owners; the data set loads into ".formatted(result.getLong(1))
								+ "an empty one (bench/run.sh creates it afresh)");
			}
		}
	}

	private void insertSpecialtiesAndVets(Connection connection) throws SQLException {
		try (PreparedStatement specialty = connection.prepareStatement("insert into specialty (name) values (?)");
				PreparedStatement vet = connection.prepareStatement("insert into vet (id, name) values (?, ?)");
				PreparedStatement assignment = connection
					.prepareStatement("insert into \"_SpecialtyToVet\" (\"A\", \"B\") values (?, ?)")) {
			for (String name : SPECIALTIES) {
				specialty.setString(1, name);
				specialty.addBatch();
			}
			specialty.executeBatch();
			for (int i = 0; i < this.vets; i++) {
				UUID id = nextUuid();
				vet.setObject(1, id);
				vet.setString(2, personName());
				vet.addBatch();
				Set<String> specialties = new LinkedHashSet<>();
				int count = this.random.nextInt(4);
				while (specialties.size() < count) {
					specialties.add(pick(SPECIALTIES));
				}
				for (String name : specialties) {
					assignment.setString(1, name);
					assignment.setObject(2, id);
					assignment.addBatch();
				}
			}
			vet.executeBatch();
			assignment.executeBatch();
		}
	}

	private int insertOwnersWithPets(Connection connection, int count, List<String> ownerIds) throws SQLException {
		int pets = 0;
		try (PreparedStatement owner = connection
			.prepareStatement("insert into owner (id, name, city, telephone) values (?, ?, ?, ?)");
				PreparedStatement pet = connection
					.prepareStatement("insert into pet (id, name, \"birthDate\", \"ownerId\") values (?, ?, ?, ?)")) {
			for (int i = 0; i < count; i++) {
				UUID ownerId = nextUuid();
				ownerIds.add(ownerId.toString());
				owner.setObject(1, ownerId);
				owner.setString(2, personName());
				owner.setString(3, pick(CITIES));
				owner.setString(4, "608555%04d".formatted(this.random.nextInt(10_000)));
				owner.addBatch();
				int petCount = 1 + this.random.nextInt(3);
				for (int p = 0; p < petCount; p++) {
					pet.setObject(1, nextUuid());
					pet.setString(2, pick(PET_NAMES));
					pet.setDate(3, Date.valueOf(OLDEST_PET.plusDays(this.random.nextInt(6_000))));
					pet.setObject(4, ownerId);
					pet.addBatch();
				}
				pets += petCount;
			}
			owner.executeBatch();
			pet.executeBatch();
		}
		return pets;
	}

	private String personName() {
		return pick(FIRST_NAMES) + " " + pick(LAST_NAMES);
	}

	private String pick(List<String> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	/**
	 * A version 4 UUID drawn from the seeded generator, so that ids repeat run to run.
	 */
	private UUID nextUuid() {
		long mostSignificant = (this.random.nextLong() & ~0xF000L) | 0x4000L;
		long leastSignificant = (this.random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(mostSignificant, leastSignificant);
	}

}
