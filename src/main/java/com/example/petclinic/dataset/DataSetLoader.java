package com.example.petclinic.dataset;

import java.io.PrintStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Loads the data set of {@code owners} owners: the specialties, the vets, then the owners
 * with their pets, chunk after chunk in transactions of their own (see
 * {@link DataSetWriter}), skipping the chunks a previous run loaded.
 */
@Component
public class DataSetLoader {

	private static final Logger logger = LoggerFactory.getLogger(DataSetLoader.class);

	private final DataSetWriter writer;

	DataSetLoader(DataSetWriter writer) {
		this.writer = writer;
	}

	/**
	 * @param owners how many owners, each with two pets
	 * @param out where the progress bars go
	 * @param terminal whether {@code out} is a terminal, where a bar is redrawn in place
	 * @return how many owners this run inserted (fewer than {@code owners} when it went
	 * on from an interrupted run)
	 */
	public long load(long owners, PrintStream out, boolean terminal) {
		if (owners < 0) {
			throw new IllegalArgumentException("The number of owners must not be negative: " + owners);
		}
		int specialties = this.writer.insertSpecialties();
		int vets = ScaleDataSet.vets(owners);
		logger.info("load: {} owners with {} pets each, {} vets, {} specialties ({} new)", owners,
				ScaleDataSet.PETS_PER_OWNER, vets, ScaleDataSet.SPECIALTIES.size(), specialties);
		chunks(vets, DataSetWriter.VETS_PER_CHUNK, new LoadProgress(out, terminal, "vets", vets),
				this.writer::insertVets);
		long inserted = chunks(owners, DataSetWriter.OWNERS_PER_CHUNK,
				new LoadProgress(out, terminal, "owners", owners), this.writer::insertOwners);
		logger.info("load: {} owners inserted, {} found from an earlier run", inserted, owners - inserted);
		return inserted;
	}

	private static long chunks(long total, int size, LoadProgress progress, Chunk chunk) {
		long inserted = 0;
		progress.update(0, 0);
		for (long first = 0; first < total; first += size) {
			int count = (int) Math.min(size, total - first);
			inserted += chunk.insert(first, count);
			progress.update(first + count, first + count - inserted);
		}
		return inserted;
	}

	@FunctionalInterface
	private interface Chunk {

		int insert(long first, int count);

	}

}
