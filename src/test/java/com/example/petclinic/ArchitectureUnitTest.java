package com.example.petclinic;

import java.util.HashSet;
import java.util.Set;

import com.example.petclinic.usecase.ReadUseCase;
import com.example.petclinic.usecase.WriteUseCase;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget.MethodCallTarget;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.conditions.ArchConditions.be;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package layout is the architecture: these rules keep it so.
 * <ul>
 * <li>A feature module ({@code owner}, {@code pet}, {@code specialty}, {@code vet}) is
 * used from outside only through its service, which takes and returns records, and the
 * interfaces it publishes for what it needs from a module above it ({@code PetOwners},
 * {@code SpecialtyAssignments}); its entities and repositories never leave it.</li>
 * <li>Every service method that writes is a {@link WriteUseCase}: one transaction,
 * retried as a whole; one that reads in a transaction of its own is a
 * {@link ReadUseCase}, run again on a fresh connection after a connection fault.</li>
 * <li>Only controllers depend on {@code web}, and {@code web} knows no module.</li>
 * </ul>
 */
class ArchitectureUnitTest {

	private static final String[] MODULES = { "..owner..", "..pet..", "..specialty..", "..vet..", "..sample..",
			"..command..", "..retry..", "..migration..", "..dsql.." };

	private static final String ROOT = "com.example.petclinic";

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	@Test
	void modulesDependOnEachOtherOneWayOnly() {
		slices().matching("com.example.petclinic.(*)..").should().beFreeOfCycles().check(this.classes);
	}

	@Test
	void crossCuttingWebConcernsKnowNoModule() {
		noClasses().that()
			.resideInAPackage("..web..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(MODULES)
			.check(this.classes);
	}

	/**
	 * A module's controllers are its HTTP adapter and use {@code web}'s paging, entity
	 * tags and locations; its use cases, entities and records never do.
	 */
	@Test
	void onlyControllersDependOnWeb() {
		noClasses().that()
			.resideOutsideOfPackage("..web..")
			.and()
			.areNotAnnotatedWith(RestController.class)
			.should()
			.dependOnClassesThat()
			.resideInAPackage("com.example.petclinic.web..")
			.check(this.classes);
	}

	@Test
	void entitiesAndRepositoriesNeverLeaveTheirModule() {
		classes().that()
			.areAnnotatedWith(Entity.class)
			.or()
			.areAssignableTo(Repository.class)
			.should(new ArchCondition<JavaClass>("be used only inside their own package") {

				@Override
				public void check(JavaClass type, ConditionEvents events) {
					type.getDirectDependenciesToSelf()
						.stream()
						.filter((dependency) -> !dependency.getOriginClass()
							.getPackageName()
							.equals(type.getPackageName()))
						.forEach((dependency) -> events
							.add(SimpleConditionEvent.violated(dependency, dependency.getDescription())));
				}

			})
			.check(this.classes);
	}

	@Test
	void controllersAnswerWithRecordsNeverEntities() {
		methods().that()
			.areDeclaredInClassesThat()
			.areAnnotatedWith(RestController.class)
			.should(notReturnAnEntity())
			.check(this.classes);
	}

	@Test
	void servicesAnswerWithRecordsNeverEntities() {
		methods().that()
			.areDeclaredInClassesThat()
			.areAnnotatedWith(Service.class)
			.and()
			.arePublic()
			.should(notReturnAnEntity())
			.check(this.classes);
	}

	@Test
	void everyServiceMethodThatWritesIsAWriteUseCase() {
		methods().that()
			.areDeclaredInClassesThat()
			.areAnnotatedWith(Service.class)
			.and()
			.areNotPrivate()
			.and(are(writing()))
			.should()
			.beAnnotatedWith(WriteUseCase.class)
			.orShould(be(describe("part of the caller's transaction (Propagation.MANDATORY)",
					ArchitectureUnitTest::joinsTheCallersTransaction)))
			.check(this.classes);
	}

	/**
	 * A service method's transaction of its own is a use case's, never a bare
	 * {@code @Transactional}, which would be retried neither after a conflict nor after a
	 * broken connection.
	 */
	@Test
	void noServiceMethodOpensATransactionOfItsOwnOutsideAUseCase() {
		methods().that()
			.areDeclaredInClassesThat()
			.areAnnotatedWith(Service.class)
			.and()
			.areAnnotatedWith(Transactional.class)
			.should(be(describe("part of the caller's transaction (Propagation.MANDATORY)",
					ArchitectureUnitTest::joinsTheCallersTransaction)))
			.check(this.classes);
	}

	/**
	 * A {@code @Transactional} beside a use case annotation would open a transaction of
	 * its own inside the one the use case's runner opened.
	 */
	@Test
	void aUseCaseDeclaresNoTransactionOfItsOwn() {
		methods().that()
			.areAnnotatedWith(WriteUseCase.class)
			.or()
			.areAnnotatedWith(ReadUseCase.class)
			.should()
			.notBeAnnotatedWith(Transactional.class)
			.check(this.classes);
	}

	/**
	 * NullAway checks the {@code @NullMarked} packages only: every package must be one.
	 */
	@Test
	void everyPackageIsNullMarked() {
		classes().should(new ArchCondition<JavaClass>("be in a @NullMarked package") {

			@Override
			public void check(JavaClass type, ConditionEvents events) {
				boolean marked = type.getPackage().isAnnotatedWith(NullMarked.class);
				events.add(new SimpleConditionEvent(type, marked,
						type.getPackageName() + " has no package-info.java annotated @NullMarked"));
			}

		}).check(this.classes);
	}

	private static boolean joinsTheCallersTransaction(JavaMethod method) {
		return method.tryGetAnnotationOfType(Transactional.class)
			.map((transactional) -> transactional.propagation() == Propagation.MANDATORY)
			.orElse(false);
	}

	private static ArchCondition<JavaMethod> notReturnAnEntity() {
		return new ArchCondition<>("not expose an entity in their return type") {

			@Override
			public void check(JavaMethod method, ConditionEvents events) {
				method.getReturnType()
					.getAllInvolvedRawTypes()
					.stream()
					.filter((type) -> type.isAnnotatedWith(Entity.class))
					.forEach((entity) -> events.add(SimpleConditionEvent.violated(method,
							method.getFullName() + " returns the entity " + entity.getName())));
			}

		};
	}

	/**
	 * A method writes when it, or a method of its own class it calls, saves or deletes
	 * through a repository, runs a {@code @Modifying} query, or changes an entity.
	 */
	private static DescribedPredicate<JavaMethod> writing() {
		return describe("writing", (method) -> writes(method, new HashSet<>()));
	}

	private static boolean writes(JavaMethod method, Set<JavaMethod> seen) {
		if (!seen.add(method)) {
			return false;
		}
		for (JavaMethodCall call : method.getMethodCallsFromSelf()) {
			MethodCallTarget target = call.getTarget();
			JavaClass owner = target.getOwner();
			String name = target.getName();
			if (owner.isAssignableTo(Repository.class)
					&& (name.startsWith("save") || name.startsWith("delete") || name.startsWith("remove"))) {
				return true;
			}
			if (owner.isAnnotatedWith(Entity.class) && !name.startsWith("get") && !name.startsWith("is")
					&& !name.equals("<init>")) {
				return true;
			}
			if (owner.getPackageName().startsWith(ROOT) && calledMethods(target).stream()
				.anyMatch((called) -> called.isAnnotatedWith(Modifying.class) || writes(called, seen))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The method a call reaches: the one named, and where that is an interface's, its
	 * implementations (a module's port, such as {@code PetOwners}).
	 */
	private static Set<JavaMethod> calledMethods(MethodCallTarget target) {
		Set<JavaMethod> called = new HashSet<>(target.resolveMember().stream().toList());
		if (target.getOwner().isInterface()) {
			for (JavaClass implementation : target.getOwner().getAllSubclasses()) {
				implementation.getMethods()
					.stream()
					.filter((candidate) -> candidate.getName().equals(target.getName())
							&& candidate.getRawParameterTypes().equals(target.getRawParameterTypes()))
					.forEach(called::add);
			}
		}
		return called;
	}

}
