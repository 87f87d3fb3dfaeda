package com.example.petclinic.dataset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongFunction;
import java.util.stream.LongStream;

import com.example.petclinic.usecase.AfterUnknownCommit;
import com.example.petclinic.usecase.WriteUseCase;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Writes one chunk of the data set per transaction, each a {@link WriteUseCase}: one
 * transaction, run again as a whole when it loses a conflict. A chunk is small enough for
 * Aurora DSQL, which commits at most 3,000 rows and 10 MiB per transaction: 500 owners
 * with their 1,000 pets (1,500 rows of about 100 bytes), or 500 vets with at most 1,500
 * specialty assignments. Each chunk first reads which of its owners (or vets) exist, and
 * writes only the others, each with its pets (or specialties), which its transaction
 * committed with it: a chunk found whole is skipped, so a load that was interrupted, or
 * one for more owners than the last, goes on where the data stops. Rows go in as
 * multi-row {@code INSERT}s, one statement per table and chunk. The ids are derived from
 * the row numbers, so a chunk repeated after a commit whose outcome is unknown finds what
 * the first attempt stored and writes only the rest.
 */
@Service
public class DataSetWriter {

	static final int OWNERS_PER_CHUNK = 500;

	static final int VETS_PER_CHUNK = 500;

	private final JdbcClient jdbc;

	DataSetWriter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts the specialties that do not exist yet.
	 * @return how many were inserted
	 */
	@WriteUseCase(afterUnknownCommit = AfterUnknownCommit.REPEAT_CREATE)
	public int insertSpecialties() {
		int inserted = 0;
		for (String name : ScaleDataSet.SPECIALTIES) {
			inserted += this.jdbc
				.sql("INSERT INTO specialty (name) SELECT :name WHERE NOT EXISTS "
						+ "(SELECT 1 FROM specialty WHERE name = :name)")
				.param("name", name)
				.update();
		}
		return inserted;
	}

	/**
	 * Inserts owners {@code first} to {@code first + count - 1} with their pets, unless
	 * they are there already.
	 * @return how many were inserted (0: the chunk was found whole)
	 */
	@WriteUseCase(afterUnknownCommit = AfterUnknownCommit.REPEAT_CREATE)
	public int insertOwners(long first, int count) {
		Set<UUID> existing = existing("owner", first, count, ScaleDataSet::ownerId);
		if (existing.size() == count) {
			return 0;
		}
		List<Object> owners = new ArrayList<>(count * 4);
		List<Object> pets = new ArrayList<>(count * ScaleDataSet.PETS_PER_OWNER * 4);
		for (long n = first; n < first + count; n++) {
			UUID owner = ScaleDataSet.ownerId(n);
			if (existing.contains(owner)) {
				continue;
			}
			Collections.addAll(owners, owner, ScaleDataSet.ownerName(n), ScaleDataSet.city(n),
					ScaleDataSet.telephone(n));
			for (int p = 0; p < ScaleDataSet.PETS_PER_OWNER; p++) {
				Collections.addAll(pets, ScaleDataSet.petId(n, p), ScaleDataSet.petName(n, p),
						ScaleDataSet.birthDate(n, p), owner);
			}
		}
		insert("owner (id, name, city, telephone)", 4, owners);
		insert("pet (id, name, \"birthDate\", \"ownerId\")", 4, pets);
		return count - existing.size();
	}

	/**
	 * Inserts vets {@code first} to {@code first + count - 1} with their specialties,
	 * unless they are there already.
	 * @return how many were inserted (0: the chunk was found whole)
	 */
	@WriteUseCase(afterUnknownCommit = AfterUnknownCommit.REPEAT_CREATE)
	public int insertVets(long first, int count) {
		Set<UUID> existing = existing("vet", first, count, ScaleDataSet::vetId);
		if (existing.size() == count) {
			return 0;
		}
		List<Object> vets = new ArrayList<>(count * 2);
		List<Object> assignments = new ArrayList<>();
		for (long v = first; v < first + count; v++) {
			UUID vet = ScaleDataSet.vetId(v);
			if (existing.contains(vet)) {
				continue;
			}
			Collections.addAll(vets, vet, ScaleDataSet.vetName(v));
			for (String specialty : ScaleDataSet.specialtiesOf(v)) {
				Collections.addAll(assignments, specialty, vet);
			}
		}
		insert("vet (id, name)", 2, vets);
		insert("\"_SpecialtyToVet\" (\"A\", \"B\")", 2, assignments);
		return count - existing.size();
	}

	private Set<UUID> existing(String table, long first, int count, LongFunction<UUID> id) {
		List<UUID> ids = LongStream.range(first, first + count).mapToObj(id).toList();
		return new HashSet<>(this.jdbc.sql("SELECT id FROM " + table + " WHERE id IN (:ids)")
			.param("ids", ids)
			.query(UUID.class)
			.list());
	}

	private void insert(String into, int columns, List<Object> values) {
		if (values.isEmpty()) {
			return;
		}
		String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
		String rows = String.join(", ", Collections.nCopies(values.size() / columns, row));
		this.jdbc.sql("INSERT INTO " + into + " VALUES " + rows).params(values).update();
	}

}
