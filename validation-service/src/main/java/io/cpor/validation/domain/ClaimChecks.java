package io.cpor.validation.domain;

import io.cpor.schemas.catalog.SolutionCatalog;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The automated checks of a claim, each with a stable code and a message a partner can act on. */
public final class ClaimChecks {

    public static final String TENANT_DOMAIN_MISMATCH = "TENANT_DOMAIN_MISMATCH";
    public static final String CUSTOMER_CONTACT_OUTSIDE_TENANT = "CUSTOMER_CONTACT_OUTSIDE_TENANT";
    public static final String PARTNER_NOT_ENROLLED = "PARTNER_NOT_ENROLLED";
    public static final String WORKLOAD_NOT_IN_SOLUTION_AREA = "WORKLOAD_NOT_IN_SOLUTION_AREA";
    public static final String PROGRAM_NOT_IN_SOLUTION_AREA = "PROGRAM_NOT_IN_SOLUTION_AREA";
    public static final String ROLE_NOT_ALLOWED_FOR_PROGRAM = "ROLE_NOT_ALLOWED_FOR_PROGRAM";
    public static final String SUBSCRIPTION_REQUIRED = "SUBSCRIPTION_REQUIRED";
    public static final String PROOF_OF_EXECUTION_INVALID = "PROOF_OF_EXECUTION_INVALID";
    public static final String DUPLICATE_CLAIM = "DUPLICATE_CLAIM";
    public static final String SUBSCRIPTION_NOT_IN_TENANT = "SUBSCRIPTION_NOT_IN_TENANT";
    public static final String SUBSCRIPTION_NOT_BUSINESS_APPLICATIONS = "SUBSCRIPTION_NOT_BUSINESS_APPLICATIONS";
    public static final String SUBSCRIPTION_BOUGHT_THROUGH_CSP = "SUBSCRIPTION_BOUGHT_THROUGH_CSP";
    public static final String SUBSCRIPTION_NOT_PROVISIONED = "SUBSCRIPTION_NOT_PROVISIONED";
    public static final String SUBSCRIPTION_NOT_ACTIVE = "SUBSCRIPTION_NOT_ACTIVE";

    private final SolutionCatalog catalog;
    private final ProofRules proof;

    public ClaimChecks(SolutionCatalog catalog, ProofRules proof) {
        this.catalog = catalog;
        this.proof = proof;
    }

    /** The checks that need nothing but the claim and the catalog. */
    public List<CheckResult> ofClaim(ClaimSnapshot claim) {
        List<CheckResult> results = new ArrayList<>();
        Optional<SolutionCatalog.SolutionArea> area = catalog.solutionArea(claim.solutionArea());
        Optional<SolutionCatalog.Program> program = area.flatMap(a -> a.program(claim.program()));
        List<String> foreign = claim.workloads().stream()
                .filter(workload -> area.flatMap(a -> a.workload(workload)).isEmpty()).toList();
        results.add(foreign.isEmpty()
                ? CheckResult.pass(WORKLOAD_NOT_IN_SOLUTION_AREA, "Every workload belongs to " + claim.solutionArea())
                : CheckResult.fail(WORKLOAD_NOT_IN_SOLUTION_AREA, String.join(", ", foreign)
                        + " not in solution area " + claim.solutionArea() + "; claim them under their own area"));
        results.add(program.isPresent()
                ? CheckResult.pass(PROGRAM_NOT_IN_SOLUTION_AREA, claim.program() + " is offered in "
                        + claim.solutionArea())
                : CheckResult.fail(PROGRAM_NOT_IN_SOLUTION_AREA, "Program " + claim.program()
                        + " is not offered in solution area " + claim.solutionArea()));
        // A role is judged against the program; a program the area does not offer is reported once, above.
        boolean roleAllowed = program.map(p -> p.allows(claim.partnerRole())).orElse(true);
        results.add(roleAllowed
                ? CheckResult.pass(ROLE_NOT_ALLOWED_FOR_PROGRAM, program.isPresent() ? claim.partnerRole()
                        + " is recognised by " + claim.program() : "Not judged: the program is not offered")
                : CheckResult.fail(ROLE_NOT_ALLOWED_FOR_PROGRAM, "Program " + claim.program() + " does not recognise "
                        + "the partner role " + claim.partnerRole() + program.map(p -> "; it recognises "
                                + String.join(", ", p.partnerRoles())).orElse("")));
        boolean subscriptionNeeded = area.map(SolutionCatalog.SolutionArea::subscriptionRequired).orElse(false);
        boolean subscriptionMissing = claim.subscriptionId() == null || claim.subscriptionId().isBlank();
        results.add(subscriptionNeeded && subscriptionMissing
                ? CheckResult.fail(SUBSCRIPTION_REQUIRED, claim.solutionArea() + " claims need the customer's "
                        + "subscription id")
                : CheckResult.pass(SUBSCRIPTION_REQUIRED, subscriptionNeeded ? "Subscription id given"
                        : "No subscription id needed"));
        results.add(proof(claim.proofOfExecution()));
        return results;
    }

    /** Whether the claim's subscription is to be checked: its solution area asks for one, and one is given. */
    public boolean checksSubscription(ClaimSnapshot claim) {
        boolean needed = catalog.solutionArea(claim.solutionArea())
                .map(SolutionCatalog.SolutionArea::subscriptionRequired).orElse(false);
        return needed && claim.subscriptionId() != null && !claim.subscriptionId().isBlank();
    }

    /**
     * The Business Applications subscription checks, from what the subscription directory answered, each with its
     * own code: the subscription is the claimed tenant's, a Business Applications one, not bought through a Cloud
     * Solution Provider (Volume Licensing or on the web only), provisioned, and active or in its grace period.
     */
    public static List<CheckResult> subscription(ClaimSnapshot claim,
            Optional<SubscriptionDirectory.Subscription> found) {
        String id = claim.subscriptionId();
        if (found.isEmpty()) {
            String notJudged = "Not judged: Microsoft knows no subscription " + id;
            return List.of(CheckResult.fail(SUBSCRIPTION_NOT_IN_TENANT, "Microsoft knows no subscription " + id
                    + "; give a subscription of tenant " + claim.tenantId()),
                    CheckResult.pass(SUBSCRIPTION_NOT_BUSINESS_APPLICATIONS, notJudged),
                    CheckResult.pass(SUBSCRIPTION_BOUGHT_THROUGH_CSP, notJudged),
                    CheckResult.pass(SUBSCRIPTION_NOT_PROVISIONED, notJudged),
                    CheckResult.pass(SUBSCRIPTION_NOT_ACTIVE, notJudged));
        }
        SubscriptionDirectory.Subscription subscription = found.get();
        String status = subscription.status().toUpperCase(Locale.ROOT);
        List<CheckResult> results = new ArrayList<>();
        results.add(subscription.tenantId().equals(claim.tenantId())
                ? CheckResult.pass(SUBSCRIPTION_NOT_IN_TENANT, "Subscription " + id + " belongs to tenant "
                        + claim.tenantId())
                : CheckResult.fail(SUBSCRIPTION_NOT_IN_TENANT, "Subscription " + id + " belongs to another tenant "
                        + "than " + claim.tenantId()));
        results.add("BUSINESS_APPLICATIONS".equalsIgnoreCase(subscription.productFamily())
                ? CheckResult.pass(SUBSCRIPTION_NOT_BUSINESS_APPLICATIONS, "Subscription " + id + " is a Business "
                        + "Applications subscription")
                : CheckResult.fail(SUBSCRIPTION_NOT_BUSINESS_APPLICATIONS, "Subscription " + id + " is not a "
                        + "Business Applications (Dynamics 365) subscription but " + subscription.productFamily()));
        results.add("CSP".equalsIgnoreCase(subscription.purchaseChannel())
                ? CheckResult.fail(SUBSCRIPTION_BOUGHT_THROUGH_CSP, "Subscription " + id + " was bought through a "
                        + "Cloud Solution Provider; only Volume Licensing and web direct subscriptions can be claimed")
                : CheckResult.pass(SUBSCRIPTION_BOUGHT_THROUGH_CSP, "Subscription " + id + " was bought through "
                        + subscription.purchaseChannel()));
        boolean provisioned = !"NOT_PROVISIONED".equals(status);
        results.add(provisioned
                ? CheckResult.pass(SUBSCRIPTION_NOT_PROVISIONED, "Subscription " + id + " is provisioned")
                : CheckResult.fail(SUBSCRIPTION_NOT_PROVISIONED, "Subscription " + id + " is not provisioned yet; "
                        + "a new subscription can take up to seven days to become claimable"));
        boolean active = "ACTIVE".equals(status) || "GRACE".equals(status);
        results.add(active || !provisioned
                ? CheckResult.pass(SUBSCRIPTION_NOT_ACTIVE, provisioned ? "Subscription " + id + " is " + status
                        : "Not judged: the subscription is not provisioned")
                : CheckResult.fail(SUBSCRIPTION_NOT_ACTIVE, "Subscription " + id + " is " + status + ", neither "
                        + "active nor in its grace period; a renewal after expiry has a new id and needs a new claim"));
        return results;
    }

    /** Whether the domain belongs to the claim's tenant, from what the directory answered. */
    public static CheckResult tenant(ClaimSnapshot claim, Optional<UUID> resolved) {
        if (resolved.isEmpty()) {
            return CheckResult.fail(TENANT_DOMAIN_MISMATCH, "The domain " + claim.domain() + " is not registered "
                    + "with Microsoft Entra ID; give a domain of tenant " + claim.tenantId());
        }
        return resolved.get().equals(claim.tenantId())
                ? CheckResult.pass(TENANT_DOMAIN_MISMATCH, "The domain " + claim.domain() + " belongs to tenant "
                        + claim.tenantId())
                : CheckResult.fail(TENANT_DOMAIN_MISMATCH, "The domain " + claim.domain() + " belongs to another "
                        + "tenant than " + claim.tenantId() + "; check the tenant id or the domain");
    }

    /**
     * Whether the customer contact's mail address is in a domain of the claimed tenant, from what the directory
     * answered for that domain: the customer's consent mail must reach the customer, not whoever the partner names.
     */
    public static CheckResult contact(ClaimSnapshot claim, Optional<UUID> resolved) {
        String domain = emailDomain(claim.customerContact().email());
        if (resolved.isPresent() && resolved.get().equals(claim.tenantId())) {
            return CheckResult.pass(CUSTOMER_CONTACT_OUTSIDE_TENANT, "The customer contact's domain " + domain
                    + " belongs to tenant " + claim.tenantId());
        }
        return CheckResult.fail(CUSTOMER_CONTACT_OUTSIDE_TENANT, "The customer contact's address is not in a "
                + "domain of tenant " + claim.tenantId() + " (" + (domain.isEmpty() ? "no domain" : domain)
                + "); name a person of the customer's own organisation, who is told of the claim and may decline it");
    }

    /** Whether the partner is registered and enrolled in the claim's program, from what the directory answered. */
    public static CheckResult enrolment(ClaimSnapshot claim, Optional<Set<String>> programs) {
        if (programs.isEmpty()) {
            return CheckResult.fail(PARTNER_NOT_ENROLLED, "PartnerID " + claim.partnerId() + " is not registered "
                    + "with Partner Center");
        }
        return programs.get().contains(claim.program())
                ? CheckResult.pass(PARTNER_NOT_ENROLLED, "PartnerID " + claim.partnerId() + " is enrolled in "
                        + claim.program())
                : CheckResult.fail(PARTNER_NOT_ENROLLED, "PartnerID " + claim.partnerId() + " is not enrolled in "
                        + "the program " + claim.program() + "; enrol in Partner Center before claiming under it");
    }

    /** The domain of a mail address, lower case; empty if there is none. */
    public static String emailDomain(String email) {
        int at = email == null ? -1 : email.lastIndexOf('@');
        return at < 0 ? "" : email.substring(at + 1).trim().toLowerCase(Locale.ROOT);
    }

    /** Whether another open claim of the partner holds any of the workloads. */
    public static CheckResult duplicates(List<String> heldElsewhere) {
        return heldElsewhere.isEmpty()
                ? CheckResult.pass(DUPLICATE_CLAIM, "No other open claim of yours for these workloads")
                : CheckResult.fail(DUPLICATE_CLAIM, "You already have an open claim for this tenant and program "
                        + "covering " + String.join(", ", heldElsewhere) + "; withdraw one of them");
    }

    private CheckResult proof(ClaimSnapshot.DocumentRef document) {
        if (document == null) {
            return CheckResult.fail(PROOF_OF_EXECUTION_INVALID, "A signed proof of execution is required");
        }
        List<String> problems = new ArrayList<>();
        if (!proof.mediaTypes().contains(document.mediaType().toLowerCase(Locale.ROOT))) {
            problems.add("its media type " + document.mediaType() + " is not one of " + proof.mediaTypes());
        }
        if (document.sizeBytes() > proof.maxSizeBytes()) {
            problems.add("it is " + document.sizeBytes() + " bytes, more than " + proof.maxSizeBytes());
        }
        if (!isHttps(document.uri())) {
            problems.add("it is not at an https location");
        }
        return problems.isEmpty()
                ? CheckResult.pass(PROOF_OF_EXECUTION_INVALID, "Proof of execution " + document.fileName() + " is "
                        + "acceptable")
                : CheckResult.fail(PROOF_OF_EXECUTION_INVALID, "The proof of execution " + document.fileName()
                        + " cannot be used: " + String.join("; ", problems));
    }

    private static boolean isHttps(String uri) {
        try {
            URI parsed = new URI(uri);
            return "https".equalsIgnoreCase(parsed.getScheme()) && parsed.getHost() != null;
        }
        catch (java.net.URISyntaxException | NullPointerException e) {
            return false;
        }
    }
}
