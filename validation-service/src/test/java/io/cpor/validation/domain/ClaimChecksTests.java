package io.cpor.validation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpor.schemas.catalog.SolutionCatalog;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClaimChecksTests {

    static final UUID TENANT = UUID.fromString("2f6b1c3e-8d4a-4b7e-9a51-6c0d3e2f1a01");
    private final ClaimChecks checks = new ClaimChecks(SolutionCatalog.load(),
            new ProofRules(Set.of("application/pdf", "image/png", "image/jpeg"), 10 * 1024 * 1024));

    @Test
    void passesAClaimTheCatalogAllows() {
        assertThat(checks.ofClaim(claim().build())).allMatch(CheckResult::passed).hasSize(5);
    }

    @Test
    void failsAWorkloadOfAnotherSolutionArea() {
        assertFailed(claim().withWorkloads("TEAMS", "POWER_BI"), ClaimChecks.WORKLOAD_NOT_IN_SOLUTION_AREA, "POWER_BI");
    }

    @Test
    void failsAProgramTheSolutionAreaDoesNotOffer() {
        assertFailed(claim().withProgram("OSU_BUSINESS_APPLICATIONS"), ClaimChecks.PROGRAM_NOT_IN_SOLUTION_AREA,
                "not offered");
    }

    @Test
    void failsARoleTheProgramDoesNotRecognise() {
        assertFailed(claim().withRole("BUILD_INTENT_ADVISOR"), ClaimChecks.ROLE_NOT_ALLOWED_FOR_PROGRAM,
                "USE_OR_CONSUME");
    }

    @Test
    void failsABusinessApplicationsClaimWithoutSubscription() {
        Fixture business = claim().withArea("BUSINESS_APPLICATIONS").withProgram("OSU_BUSINESS_APPLICATIONS")
                .withRole("USAGE_RECOGNITION").withWorkloads("DYNAMICS_365_SALES");
        assertFailed(business, ClaimChecks.SUBSCRIPTION_REQUIRED, "subscription id");
        assertThat(checks.ofClaim(business.withSubscription("sub-42").build())).allMatch(CheckResult::passed);
    }

    @Test
    void failsAMissingOrUnusableProof() {
        assertFailed(claim().withProof(null), ClaimChecks.PROOF_OF_EXECUTION_INVALID, "is required");
        assertFailed(claim().withProof(new ClaimSnapshot.DocumentRef("poe.docx", "application/msword", 100,
                "ab".repeat(32), "https://x.example/poe.docx")), ClaimChecks.PROOF_OF_EXECUTION_INVALID, "media type");
        assertFailed(claim().withProof(new ClaimSnapshot.DocumentRef("poe.pdf", "application/pdf", 20_000_000,
                "ab".repeat(32), "https://x.example/poe.pdf")), ClaimChecks.PROOF_OF_EXECUTION_INVALID, "bytes");
        assertFailed(claim().withProof(new ClaimSnapshot.DocumentRef("poe.pdf", "application/pdf", 100,
                "ab".repeat(32), "http://x.example/poe.pdf")), ClaimChecks.PROOF_OF_EXECUTION_INVALID, "https");
    }

    @Test
    void checksTheDomainAgainstTheTenant() {
        assertThat(ClaimChecks.tenant(claim().build(), Optional.of(TENANT)).passed()).isTrue();
        assertThat(ClaimChecks.tenant(claim().build(), Optional.of(UUID.randomUUID())).message())
                .contains("another tenant");
        assertThat(ClaimChecks.tenant(claim().build(), Optional.empty()).message()).contains("not registered");
    }

    @Test
    void reportsTheWorkloadsAnotherOpenClaimHolds() {
        assertThat(ClaimChecks.duplicates(List.of()).passed()).isTrue();
        CheckResult duplicate = ClaimChecks.duplicates(List.of("TEAMS"));
        assertThat(duplicate.passed()).isFalse();
        assertThat(duplicate.code()).isEqualTo(ClaimChecks.DUPLICATE_CLAIM);
        assertThat(duplicate.message()).contains("TEAMS");
    }

    @Test
    void checksTheSubscriptionOnlyWhereTheSolutionAreaAsksForOne() {
        assertThat(checks.checksSubscription(claim().build())).isFalse();
        assertThat(checks.checksSubscription(businessApplications().build())).isTrue();
        assertThat(checks.checksSubscription(businessApplications().withSubscription(" ").build())).isFalse();
    }

    @Test
    void failsEachKindOfSubscriptionThatCannotBeClaimedWithItsOwnCode() {
        ClaimSnapshot claim = businessApplications().build();
        assertThat(failed(claim, subscription(TENANT, "BUSINESS_APPLICATIONS", "WEB_DIRECT", "ACTIVE"))).isEmpty();
        assertThat(failed(claim, subscription(TENANT, "BUSINESS_APPLICATIONS", "VOLUME_LICENSING", "GRACE")))
                .isEmpty();
        assertThat(failed(claim, Optional.empty())).containsExactly(ClaimChecks.SUBSCRIPTION_NOT_IN_TENANT);
        assertThat(failed(claim, subscription(UUID.randomUUID(), "BUSINESS_APPLICATIONS", "WEB_DIRECT", "ACTIVE")))
                .containsExactly(ClaimChecks.SUBSCRIPTION_NOT_IN_TENANT);
        assertThat(failed(claim, subscription(TENANT, "MODERN_WORK", "WEB_DIRECT", "ACTIVE")))
                .containsExactly(ClaimChecks.SUBSCRIPTION_NOT_BUSINESS_APPLICATIONS);
        assertThat(failed(claim, subscription(TENANT, "BUSINESS_APPLICATIONS", "CSP", "ACTIVE")))
                .containsExactly(ClaimChecks.SUBSCRIPTION_BOUGHT_THROUGH_CSP);
        assertThat(failed(claim, subscription(TENANT, "BUSINESS_APPLICATIONS", "WEB_DIRECT", "NOT_PROVISIONED")))
                .containsExactly(ClaimChecks.SUBSCRIPTION_NOT_PROVISIONED);
        assertThat(failed(claim, subscription(TENANT, "BUSINESS_APPLICATIONS", "WEB_DIRECT", "EXPIRED")))
                .containsExactly(ClaimChecks.SUBSCRIPTION_NOT_ACTIVE);
    }

    private static List<String> failed(ClaimSnapshot claim, Optional<SubscriptionDirectory.Subscription> found) {
        List<CheckResult> results = ClaimChecks.subscription(claim, found);
        assertThat(results).hasSize(5).allMatch(result -> !result.message().isBlank());
        return results.stream().filter(result -> !result.passed()).map(CheckResult::code).toList();
    }

    private static Optional<SubscriptionDirectory.Subscription> subscription(UUID tenant, String family,
            String channel, String status) {
        return Optional.of(new SubscriptionDirectory.Subscription("sub-1", tenant, family, channel, status));
    }

    private static Fixture businessApplications() {
        return claim().withArea("BUSINESS_APPLICATIONS").withProgram("OSU_BUSINESS_APPLICATIONS")
                .withRole("USAGE_RECOGNITION").withWorkloads("DYNAMICS_365_SALES").withSubscription("sub-1");
    }

    private void assertFailed(Fixture claim, String code, String inMessage) {
        assertThat(checks.ofClaim(claim.build()))
                .filteredOn(check -> !check.passed())
                .singleElement()
                .satisfies(check -> {
                    assertThat(check.code()).isEqualTo(code);
                    assertThat(check.message()).contains(inMessage);
                });
    }

    static Fixture claim() {
        return new Fixture("MODERN_WORK_SECURITY", "OSU_M365", "USE_OR_CONSUME", List.of("TEAMS"), null,
                new ClaimSnapshot.DocumentRef("poe.pdf", "application/pdf", 48_213, "ab".repeat(32),
                        "https://files.partner-one.example/poe.pdf"));
    }

    /** A claim to change one thing of. */
    record Fixture(String area, String program, String role, List<String> workloads, String subscription,
            ClaimSnapshot.DocumentRef proof) {

        Fixture withWorkloads(String... names) {
            return new Fixture(area, program, role, List.of(names), subscription, proof);
        }

        Fixture withProgram(String name) {
            return new Fixture(area, name, role, workloads, subscription, proof);
        }

        Fixture withRole(String name) {
            return new Fixture(area, program, name, workloads, subscription, proof);
        }

        Fixture withArea(String name) {
            return new Fixture(name, program, role, workloads, subscription, proof);
        }

        Fixture withSubscription(String id) {
            return new Fixture(area, program, role, workloads, id, proof);
        }

        Fixture withProof(ClaimSnapshot.DocumentRef document) {
            return new Fixture(area, program, role, workloads, subscription, document);
        }

        ClaimSnapshot build() {
            return new ClaimSnapshot("1000001", "Contoso rollout", TENANT, "contoso.onmicrosoft.com", "en",
                    new ClaimSnapshot.Person("Ana Souza", null, "ana@contoso.com"),
                    new ClaimSnapshot.Person("Sam Partner", null, "sam@partner.example"), area, program, role,
                    workloads, subscription, proof, null, null, true, false);
        }
    }

    @Test
    void failsACustomerContactWhoseDomainIsNotOfTheTenant() {
        ClaimSnapshot claim = claim().build();

        CheckResult outside = ClaimChecks.contact(claim, Optional.of(UUID.randomUUID()));
        CheckResult unknown = ClaimChecks.contact(claim, Optional.empty());
        CheckResult inside = ClaimChecks.contact(claim, Optional.of(TENANT));

        assertThat(outside.passed()).isFalse();
        assertThat(outside.code()).isEqualTo(ClaimChecks.CUSTOMER_CONTACT_OUTSIDE_TENANT);
        assertThat(unknown.passed()).isFalse();
        assertThat(inside.passed()).isTrue();
    }

    @Test
    void readsTheDomainOfAMailAddressInLowerCase() {
        assertThat(ClaimChecks.emailDomain("Ana@Contoso.COM")).isEqualTo("contoso.com");
        assertThat(ClaimChecks.emailDomain("a@b@evil.example")).isEqualTo("evil.example");
        assertThat(ClaimChecks.emailDomain("no-at-sign")).isEmpty();
        assertThat(ClaimChecks.emailDomain(null)).isEmpty();
    }

    @Test
    void failsAPartnerNotEnrolledInTheProgramOrUnknown() {
        ClaimSnapshot claim = claim().build();

        assertThat(ClaimChecks.enrolment(claim, Optional.of(Set.of("OSU_M365"))).passed()).isTrue();
        assertThat(ClaimChecks.enrolment(claim, Optional.of(Set.of("OSA_SELL"))).message())
                .contains("not enrolled in the program OSU_M365");
        assertThat(ClaimChecks.enrolment(claim, Optional.empty()).message()).contains("not registered");
    }
}
