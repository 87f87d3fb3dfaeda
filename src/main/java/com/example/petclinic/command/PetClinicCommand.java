package com.example.petclinic.command;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The commands, named as on the command line ({@code java -jar app.jar migrate-up}) or in
 * {@code petclinic.command}.
 */
public enum PetClinicCommand {

	/** Applies the changelog: what every start of the service does, then exits. */
	MIGRATE_UP("migrate-up"),

	/** Rolls back every changeset of the changelog, dropping what it created. */
	MIGRATE_DOWN("migrate-down"),

	/** Applies the changelog, inserts the AWS sample's data and runs its checks. */
	SAMPLE("sample"),

	/**
	 * Applies the changelog and loads a data set at scale: {@code --owners=N} owners
	 * (1,000,000 by default) with two pets each, vets and specialties; run again, it goes
	 * on where it stopped.
	 */
	LOAD("load");

	private final String argument;

	PetClinicCommand(String argument) {
		this.argument = argument;
	}

	public String argument() {
		return this.argument;
	}

	public static Optional<PetClinicCommand> of(String argument) {
		return Arrays.stream(values()).filter((command) -> command.argument.equals(argument)).findFirst();
	}

	static String allArguments() {
		return Arrays.stream(values()).map(PetClinicCommand::argument).collect(Collectors.joining(", "));
	}

}
