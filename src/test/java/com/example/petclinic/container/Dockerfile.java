package com.example.petclinic.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The project's {@code Dockerfile} read into its stages and instructions, so that tests
 * can check it and run its commands instead of repeating them. Reads what this project's
 * Dockerfile uses: comments, line continuations, {@code FROM ... AS name}, and exec-form
 * (JSON array) or shell-form commands.
 */
record Dockerfile(List<Stage> stages) {

	static final Path LOCATION = Path.of("Dockerfile");

	private static final Pattern FROM = Pattern.compile("(?i)(\\S+)(?:\\s+AS\\s+(\\S+))?");

	private static final Pattern ENV_PAIR = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S*)");

	static Dockerfile read() throws IOException {
		return parse(Files.readString(LOCATION));
	}

	static Dockerfile parse(String text) {
		List<Stage> stages = new ArrayList<>();
		StringBuilder logicalLine = new StringBuilder();
		for (String line : text.split("\n")) {
			String trimmed = line.strip();
			if (logicalLine.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
				continue;
			}
			if (trimmed.endsWith("\\")) {
				logicalLine.append(trimmed, 0, trimmed.length() - 1).append(' ');
				continue;
			}
			logicalLine.append(trimmed);
			Instruction instruction = Instruction.of(logicalLine.toString());
			logicalLine.setLength(0);
			if (instruction.keyword().equals("FROM")) {
				Matcher from = FROM.matcher(instruction.arguments());
				if (!from.matches()) {
					throw new IllegalStateException("Cannot read " + instruction);
				}
				stages.add(new Stage(from.group(1), from.group(2), new ArrayList<>()));
			}
			else if (stages.isEmpty()) {
				throw new IllegalStateException(instruction + " comes before the first FROM");
			}
			else {
				stages.getLast().instructions().add(instruction);
			}
		}
		return new Dockerfile(List.copyOf(stages));
	}

	Stage stage(String name) {
		return this.stages.stream()
			.filter((stage) -> name.equals(stage.name()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("The Dockerfile has no stage named " + name));
	}

	Stage finalStage() {
		return this.stages.getLast();
	}

	/**
	 * One {@code FROM} and the instructions up to the next.
	 */
	record Stage(String image, String name, List<Instruction> instructions) {

		List<Instruction> all(String keyword) {
			return this.instructions.stream().filter((instruction) -> instruction.keyword().equals(keyword)).toList();
		}

		Optional<Instruction> last(String keyword) {
			List<Instruction> all = all(keyword);
			return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
		}

		String workdir() {
			return last("WORKDIR").map(Instruction::arguments).orElse("/");
		}

		Map<String, String> environment() {
			Map<String, String> environment = new LinkedHashMap<>();
			for (Instruction env : all("ENV")) {
				Matcher pair = ENV_PAIR.matcher(env.arguments());
				while (pair.find()) {
					environment.put(pair.group(1), pair.group(2).replaceAll("^\"|\"$", ""));
				}
			}
			return environment;
		}

	}

	/**
	 * One instruction: its keyword in upper case and the rest of its line.
	 */
	record Instruction(String keyword, String arguments) {

		static Instruction of(String line) {
			String[] parts = line.split("\\s+", 2);
			return new Instruction(parts[0].toUpperCase(), (parts.length > 1) ? parts[1].strip() : "");
		}

		/**
		 * The command of a {@code RUN}, {@code CMD} or {@code ENTRYPOINT}: the JSON array
		 * of the exec form, or the shell form run by {@code /bin/sh -c}. Flags such as
		 * {@code --mount} are not part of it.
		 */
		List<String> command() {
			String command = this.arguments.replaceFirst("^(--\\S+\\s+)*", "");
			if (command.startsWith("[")) {
				return JsonMapper.shared().readValue(command, new TypeReference<List<String>>() {
				});
			}
			return List.of("/bin/sh", "-c", command);
		}

		/**
		 * The command of a {@code HEALTHCHECK ... CMD ...}.
		 */
		Instruction healthCommand() {
			int cmd = this.arguments.indexOf(" CMD ");
			if (!this.keyword.equals("HEALTHCHECK") || cmd < 0) {
				throw new IllegalStateException(this + " is not a HEALTHCHECK with a CMD");
			}
			return new Instruction("CMD", this.arguments.substring(cmd + 5).strip());
		}

		String option(String name) {
			Matcher option = Pattern.compile("--" + name + "=(\\S+)").matcher(this.arguments);
			return option.find() ? option.group(1) : "";
		}

	}

}
