package com.example.petclinic.sample;

import com.example.petclinic.owner.OwnerService;
import com.example.petclinic.specialty.SpecialtyService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * Loads the sample data at start-up into an empty database when
 * {@code petclinic.sample-data.load} is {@code true}, as it is for the local run on the
 * embedded database.
 */
@Component
@ConditionalOnBooleanProperty("petclinic.sample-data.load")
class SampleDataLoader implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(SampleDataLoader.class);

	private final PetClinicSample sample;

	private final OwnerService owners;

	private final SpecialtyService specialties;

	SampleDataLoader(PetClinicSample sample, OwnerService owners, SpecialtyService specialties) {
		this.sample = sample;
		this.owners = owners;
		this.specialties = specialties;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.owners.search(null, ScrollPosition.keyset(), Sort.by("id"), 1).isEmpty()
				&& this.specialties.all().isEmpty()) {
			this.sample.insert();
		}
		else {
			logger.info("The database already has data; the sample data is not loaded again");
		}
	}

}
