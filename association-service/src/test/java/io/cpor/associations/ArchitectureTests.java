package io.cpor.associations;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.cpor.local.testing.ListenerGrants;
import io.cpor.schemas.Topic;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The domain imports nothing of the layers around it, nor Spring, Kafka or MongoDB; the adapters stay apart. */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.cpor.associations");

    private static final String[] ADAPTERS = {"..associations.api..", "..associations.messaging..",
        "..associations.store..", "..associations.web..", "..associations.timers.."};

    @Test
    void keepsTheDomainFreeOfTheLayersAroundIt() {
        noClasses().that().resideInAPackage("..associations.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
                .orShould().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        "com.mongodb..", "org.bson..", "io.cpor.events..")
                .check(CLASSES);
    }

    @Test
    void keepsTheAdaptersApart() {
        for (String adapter : ADAPTERS) {
            String[] others = Arrays.stream(ADAPTERS).filter(other -> !other.equals(adapter))
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage(adapter).should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(CLASSES);
        }
    }

    @Test
    void listensOnlyInTheGroupsAndToTheTopicsTheBrokerGrantsIt() {
        assertThat(ListenerGrants.outsideGrants(Topic.Service.ASSOCIATIONS,
                CLASSES.stream().<Class<?>>map(JavaClass::reflect).toList())).isEmpty();
    }
}
