package com.example.petclinic;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package layout is the architecture: these rules keep it so.
 */
class ArchitectureUnitTest {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.example.petclinic");

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
			.resideInAnyPackage("..owner..", "..pet..", "..vet..", "..specialty..", "..sample..")
			.check(this.classes);
	}

	@Test
	void controllersAnswerWithRecordsNeverEntities() {
		methods().that()
			.areDeclaredInClassesThat()
			.areAnnotatedWith(RestController.class)
			.should(new ArchCondition<JavaMethod>("not expose an entity in their return type") {

				@Override
				public void check(JavaMethod method, ConditionEvents events) {
					method.getReturnType()
						.getAllInvolvedRawTypes()
						.stream()
						.filter((type) -> type.isAnnotatedWith(Entity.class))
						.forEach((entity) -> events.add(SimpleConditionEvent.violated(method,
								method.getFullName() + " returns the entity " + entity.getName())));
				}

			})
			.check(this.classes);
	}

}
