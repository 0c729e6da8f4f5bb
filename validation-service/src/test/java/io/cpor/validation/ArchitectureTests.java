package io.cpor.validation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.cpor.local.testing.ListenerGrants;
import io.cpor.schemas.Topic;
import org.junit.jupiter.api.Test;

/** The domain imports nothing of the layers around it, nor Spring, Kafka or MongoDB. */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.cpor.validation");

    @Test
    void keepsTheDomainFreeOfTheLayersAroundIt() {
        noClasses().that().resideInAPackage("..validation.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..validation.api..", "..validation.messaging..",
                        "..validation.store..", "..validation.directory..", "..validation.timers..", "org.springframework..", "org.apache.kafka..", "com.mongodb..",
                        "org.bson..", "io.cpor.events..")
                .check(CLASSES);
    }

    @Test
    void keepsTheAdaptersApart() {
        noClasses().that().resideInAPackage("..validation.api..")
                .should().dependOnClassesThat().resideInAnyPackage("..validation.messaging..", "..validation.store..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..validation.store..")
                .should().dependOnClassesThat().resideInAnyPackage("..validation.api..", "..validation.messaging..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..validation.messaging..")
                .should().dependOnClassesThat().resideInAnyPackage("..validation.api..", "..validation.store..")
                .check(CLASSES);
    }

    @Test
    void listensOnlyInTheGroupsAndToTheTopicsTheBrokerGrantsIt() {
        assertThat(ListenerGrants.outsideGrants(Topic.Service.VALIDATION,
                CLASSES.stream().<Class<?>>map(JavaClass::reflect).toList())).isEmpty();
    }
}
