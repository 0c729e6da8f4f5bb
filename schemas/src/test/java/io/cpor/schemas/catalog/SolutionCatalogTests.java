package io.cpor.schemas.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SolutionCatalogTests {

    private final SolutionCatalog catalog = SolutionCatalog.load();

    @Test
    void holdsTheSolutionAreasProgramsAndWorkloadsOfTheDesign() {
        assertThat(catalog.solutionAreas()).extracting(SolutionCatalog.SolutionArea::code)
                .containsExactly("MODERN_WORK_SECURITY", "BUSINESS_APPLICATIONS");
        SolutionCatalog.SolutionArea modernWork = catalog.solutionArea("MODERN_WORK_SECURITY").orElseThrow();
        assertThat(modernWork.programs()).extracting(SolutionCatalog.Program::code)
                .containsExactly("OSA_SELL", "OSU_M365");
        assertThat(modernWork.workloads()).hasSize(11);
        assertThat(modernWork.program("OSU_M365").orElseThrow().partnerRoles()).containsExactly("USE_OR_CONSUME");
        SolutionCatalog.SolutionArea businessApps = catalog.solutionArea("BUSINESS_APPLICATIONS").orElseThrow();
        assertThat(businessApps.subscriptionRequired()).isTrue();
        assertThat(businessApps.technicalContactRequired()).isTrue();
        assertThat(businessApps.workloads()).extracting(SolutionCatalog.Workload::code)
                .contains("DYNAMICS_365_SALES", "POWER_BI");
        assertThat(businessApps.program("OSU_BUSINESS_APPLICATIONS").orElseThrow().partnerRoles())
                .containsExactly("USAGE_RECOGNITION");
        assertThat(businessApps.program("OSA_SELL").orElseThrow().partnerRoles())
                .containsExactly("BUILD_INTENT_ADVISOR");
    }

    @Test
    void saysWhatEachProgramHoldsExclusively() {
        assertThat(catalog.holds("MODERN_WORK_SECURITY", "OSU_M365")).contains(SolutionCatalog.Holds.WORKLOAD);
        assertThat(catalog.holds("MODERN_WORK_SECURITY", "OSA_SELL")).contains(SolutionCatalog.Holds.WORKLOAD);
        assertThat(catalog.holds("BUSINESS_APPLICATIONS", "OSA_SELL")).contains(SolutionCatalog.Holds.SUBSCRIPTION);
        assertThat(catalog.holds("BUSINESS_APPLICATIONS", "OSU_BUSINESS_APPLICATIONS"))
                .contains(SolutionCatalog.Holds.SUBSCRIPTION);
        assertThat(catalog.holds("BUSINESS_APPLICATIONS", "OSU_M365")).isEmpty();
    }

    @Test
    void refusesAProgramHoldingSubscriptionsWhereClaimsNameNone() {
        String yaml = """
                solutionAreas:
                  - code: A
                    name: A
                    subscriptionRequired: false
                    technicalContactRequired: false
                    programs: [{code: P, name: P, holds: SUBSCRIPTION, partnerRoles: [R]}]
                    workloads: [{code: W, name: W}]
                partnerRoles: [{code: R, name: R}]
                """;

        assertThatThrownBy(() -> load(yaml)).hasMessageContaining("holds subscriptions");
    }

    @Test
    void answersWhetherACodeIsKnown() {
        assertThat(catalog.isProgram("OSA_SELL")).isTrue();
        assertThat(catalog.isProgram("OSA_BUY")).isFalse();
        assertThat(catalog.isWorkload("TEAMS")).isTrue();
        assertThat(catalog.isWorkload("teams")).isFalse();
        assertThat(catalog.isPartnerRole("USE_OR_CONSUME")).isTrue();
        assertThat(catalog.workload("POWER_BI").orElseThrow().name()).isEqualTo("Power BI");
    }

    @Test
    void refusesAProgramAllowingAnUnknownRole() {
        String yaml = """
                solutionAreas:
                  - code: A
                    name: A
                    subscriptionRequired: false
                    technicalContactRequired: false
                    programs: [{code: P, name: P, holds: WORKLOAD, partnerRoles: [NOBODY]}]
                    workloads: [{code: W, name: W}]
                partnerRoles: [{code: R, name: R}]
                """;

        assertThatThrownBy(() -> load(yaml)).hasMessageContaining("unknown partner role NOBODY");
    }

    @Test
    void refusesAWorkloadListedTwice() {
        String yaml = """
                solutionAreas:
                  - {code: A, name: A, subscriptionRequired: false, technicalContactRequired: false, programs: [],
                     workloads: [{code: W, name: W}]}
                  - {code: B, name: B, subscriptionRequired: false, technicalContactRequired: false, programs: [],
                     workloads: [{code: W, name: W}]}
                partnerRoles: []
                """;

        assertThatThrownBy(() -> load(yaml)).hasMessageContaining("duplicate workload code W");
    }

    @Test
    void refusesUnknownKeysAndMissingFields() {
        assertThatThrownBy(() -> load("solutionAreas: []\npartnerRoles: []\ncolour: blue\n"))
                .hasMessageContaining("colour");
        assertThatThrownBy(() -> load("partnerRoles: []\n")).hasMessageContaining("solutionAreas is required");
    }

    private static SolutionCatalog load(String yaml) {
        return SolutionCatalog.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
