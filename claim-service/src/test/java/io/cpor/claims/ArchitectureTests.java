package io.cpor.claims;

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
            .importPackages("io.cpor.claims");

    @Test
    void keepsTheDomainFreeOfTheLayersAroundIt() {
        noClasses().that().resideInAPackage("..claims.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..claims.api..", "..claims.messaging..",
                        "..claims.store..", "org.springframework..", "org.apache.kafka..", "com.mongodb..",
                        "org.bson..", "io.cpor.events..")
                .check(CLASSES);
    }

    @Test
    void keepsTheAdaptersApart() {
        noClasses().that().resideInAPackage("..claims.api..")
                .should().dependOnClassesThat().resideInAnyPackage("..claims.messaging..", "..claims.store..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..claims.store..")
                .should().dependOnClassesThat().resideInAnyPackage("..claims.api..", "..claims.messaging..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..claims.messaging..")
                .should().dependOnClassesThat().resideInAnyPackage("..claims.api..", "..claims.store..")
                .check(CLASSES);
    }

    @Test
    void listensOnlyInTheGroupsAndToTheTopicsTheBrokerGrantsIt() {
        assertThat(ListenerGrants.outsideGrants(Topic.Service.CLAIMS,
                CLASSES.stream().<Class<?>>map(JavaClass::reflect).toList())).isEmpty();
    }
}
