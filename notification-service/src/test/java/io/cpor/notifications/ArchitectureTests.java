package io.cpor.notifications;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.cpor.local.testing.ListenerGrants;
import io.cpor.schemas.Topic;
import org.junit.jupiter.api.Test;

/** The domain imports nothing of the layers around it, nor Spring, Kafka, MongoDB, mail or templates. */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.cpor.notifications");

    @Test
    void keepsTheDomainFreeOfTheLayersAroundIt() {
        noClasses().that().resideInAPackage("..notifications.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..notifications.mail..",
                        "..notifications.messaging..", "..notifications.store..", "..notifications.worker..",
                        "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..",
                        "io.cpor.events..", "jakarta.mail..", "org.thymeleaf..")
                .check(CLASSES);
    }

    @Test
    void keepsTheAdaptersApart() {
        noClasses().that().resideInAPackage("..notifications.mail..")
                .should().dependOnClassesThat().resideInAnyPackage("..notifications.messaging..",
                        "..notifications.store..", "..notifications.worker..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..notifications.store..")
                .should().dependOnClassesThat().resideInAnyPackage("..notifications.mail..",
                        "..notifications.messaging..", "..notifications.worker..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..notifications.messaging..")
                .should().dependOnClassesThat().resideInAnyPackage("..notifications.mail..",
                        "..notifications.store..", "..notifications.worker..")
                .check(CLASSES);
    }

    @Test
    void listensOnlyInTheGroupsAndToTheTopicsTheBrokerGrantsIt() {
        assertThat(ListenerGrants.outsideGrants(Topic.Service.NOTIFICATIONS,
                CLASSES.stream().<Class<?>>map(JavaClass::reflect).toList())).isEmpty();
    }
}
