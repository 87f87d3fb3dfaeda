package com.example.petclinic.container;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import org.springframework.boot.loader.tools.Layers;
import org.springframework.boot.loader.tools.Libraries;
import org.springframework.boot.loader.tools.Library;
import org.springframework.boot.loader.tools.LibraryCoordinates;
import org.springframework.boot.loader.tools.LibraryScope;
import org.springframework.boot.loader.tools.Repackager;

/**
 * The layered Spring Boot jar that {@code ./mvnw package} builds, made from what exists
 * when tests run: the compiled classes and resources ({@code target/classes}, including
 * the build and git data) and the runtime dependencies that the build lists in
 * {@code target/runtime-classpath.txt}. It is packed by Spring Boot's own
 * {@link Repackager}, the code behind the Maven plugin's {@code repackage} goal, with the
 * same layers and the jar-mode tools, and without the starters, which the plugin leaves
 * out too.
 */
final class PackagedJar {

	private static final Path CLASSES = Path.of("target", "classes");

	private static final Path RUNTIME_CLASSPATH = Path.of("target", "runtime-classpath.txt");

	private static final Set<String> LEFT_OUT_JAR_TYPES = Set.of("dependencies-starter", "annotation-processor");

	private PackagedJar() {
	}

	static void write(Path destination) throws IOException {
		Path plain = Files.createTempFile(destination.getParent(), "plain", ".jar");
		writePlainJar(plain);
		Repackager repackager = new Repackager(plain.toFile());
		repackager.setLayers(Layers.IMPLICIT);
		repackager.setIncludeRelevantJarModeJars(true);
		repackager.setBackupSource(false);
		repackager.repackage(destination.toFile(), runtimeLibraries());
		Files.delete(plain);
	}

	private static void writePlainJar(Path jar) throws IOException {
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		try (OutputStream out = Files.newOutputStream(jar);
				JarOutputStream jarOut = new JarOutputStream(out, manifest);
				Stream<Path> files = Files.walk(CLASSES)) {
			for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
				jarOut.putNextEntry(new ZipEntry(CLASSES.relativize(file).toString().replace(File.separatorChar, '/')));
				Files.copy(file, jarOut);
				jarOut.closeEntry();
			}
		}
	}

	private static Libraries runtimeLibraries() throws IOException {
		if (!Files.exists(RUNTIME_CLASSPATH)) {
			throw new IllegalStateException(
					RUNTIME_CLASSPATH + " is missing: run the tests with Maven, which writes it before they start");
		}
		List<File> jars = Arrays.stream(Files.readString(RUNTIME_CLASSPATH).strip().split(File.pathSeparator))
			.map(File::new)
			.filter(PackagedJar::isPackaged)
			.toList();
		return (callback) -> {
			for (File jar : jars) {
				callback.library(library(jar));
			}
		};
	}

	private static boolean isPackaged(File jar) {
		try (JarFile jarFile = new JarFile(jar)) {
			Manifest manifest = jarFile.getManifest();
			String type = (manifest != null) ? manifest.getMainAttributes().getValue("Spring-Boot-Jar-Type") : null;
			return type == null || !LEFT_OUT_JAR_TYPES.contains(type);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + jar, ex);
		}
	}

	// A local Maven repository keeps a jar in .../<artifact>/<version>/; the version
	// decides the layer (snapshot-dependencies or dependencies).
	private static Library library(File jar) {
		File versionDirectory = jar.getParentFile();
		LibraryCoordinates coordinates = LibraryCoordinates.of(null, versionDirectory.getParentFile().getName(),
				versionDirectory.getName());
		return new Library(null, jar, LibraryScope.RUNTIME, coordinates, false, false, true);
	}

}
