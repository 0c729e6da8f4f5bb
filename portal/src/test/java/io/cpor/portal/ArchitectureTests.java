package io.cpor.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The portal owns no business data and reads no other service's store: nothing of it touches MongoDB, Kafka or the
 * events, and the pages reach the APIs only through the client, which knows nothing of the pages.
 */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.cpor.portal");

    @Test
    void touchesNoDatabaseNoBrokerAndNoEvent() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..",
                "org.springframework.data..", "org.apache.kafka..", "org.springframework.kafka..", "io.cpor.events..")
                .check(CLASSES);
    }

    @Test
    void thePagesCallTheApisOnlyThroughTheClientWhichKnowsNothingOfThePages() {
        noClasses().that().resideInAPackage("..portal.web..").should().dependOnClassesThat()
                .resideInAPackage("org.springframework.web.reactive.function.client..").check(CLASSES);
        noClasses().that().resideInAPackage("..portal.client..").should().dependOnClassesThat()
                .resideInAPackage("..portal.web..").check(CLASSES);
    }
}
