package io.cpor.e2e.support;

import io.cpor.events.claims.Claim;
import io.cpor.events.claims.Customer;
import io.cpor.events.claims.CustomerContact;
import io.cpor.events.claims.DocumentReference;
import io.cpor.events.claims.PartnerContact;
import io.cpor.local.tenants.TenantDirectory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A claim as a partner integration posts it. Each spec has a domain of its own under the tenant directory's sandbox
 * (so its tenant checks pass) and mailboxes of its own, so journeys never read each other's mail.
 */
public record ClaimSpec(String partnerId, String name, UUID tenantId, String domain, String locale,
        String customerEmail, String partnerEmail, List<String> workloads) {

    public static final String POE_SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    /** A fresh claim: its own sandbox tenant, Teams and Exchange Online, English. */
    public static ClaimSpec fresh(String partnerId, String label) {
        // 48 random bits: a run of tens of thousands of fresh claims never gives two the same tenant.
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String domain = label + "-" + id + TenantDirectory.SANDBOX_SUFFIX;
        return new ClaimSpec(partnerId, label + " " + id, TenantDirectory.sandboxTenantId(domain), domain, "en",
                "customer-" + id + "@" + domain, "partner-" + id + "@partner.example",
                List.of("TEAMS", "EXCHANGE_ONLINE"));
    }

    public ClaimSpec locale(String value) {
        return new ClaimSpec(partnerId, name, tenantId, domain, value, customerEmail, partnerEmail, workloads);
    }

    public ClaimSpec workloads(String... value) {
        return new ClaimSpec(partnerId, name, tenantId, domain, locale, customerEmail, partnerEmail, List.of(value));
    }

    public ClaimSpec customerEmail(String value) {
        return new ClaimSpec(partnerId, name, tenantId, domain, locale, value, partnerEmail, workloads);
    }

    public ClaimSpec name(String value) {
        return new ClaimSpec(partnerId, value, tenantId, domain, locale, customerEmail, partnerEmail, workloads);
    }

    public ClaimSpec tenant(UUID value) {
        return new ClaimSpec(partnerId, name, value, domain, locale, customerEmail, partnerEmail, workloads);
    }

    /** The same customer and tenant, claimed by another partner (with its own contact). */
    public ClaimSpec byPartner(String otherPartnerId) {
        return new ClaimSpec(otherPartnerId, name + " (" + otherPartnerId + ")", tenantId, domain, locale,
                customerEmail, "other-" + partnerEmail, workloads);
    }

    /** The claim as the events carry it (what the claim-service publishes for this body). */
    public Claim claim() {
        return Claim.newBuilder().setPartnerId(partnerId).setName(name)
                .setCustomer(Customer.newBuilder().setTenantId(tenantId).setDomain(domain).setLocale(locale)
                        .setContact(CustomerContact.newBuilder().setName("Ana Souza").setTitle("CIO")
                                .setEmail(customerEmail).build()).build())
                .setPartnerContact(PartnerContact.newBuilder().setName("Sam Partner").setEmail(partnerEmail).build())
                .setSolutionArea("MODERN_WORK_SECURITY").setProgram("OSU_M365").setPartnerRole("USE_OR_CONSUME")
                .setWorkloads(workloads).setSubscriptionId(null)
                .setProofOfExecution(DocumentReference.newBuilder().setFileName("proof-of-execution.pdf")
                        .setMediaType("application/pdf").setSizeBytes(48213L).setSha256(POE_SHA256)
                        .setUri("https://files.partner.example/poe.pdf").build())
                .setProgramTermsAccepted(true)
                .build();
    }

    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("partnerId", partnerId);
        body.put("name", name);
        body.put("customer", Map.of("tenantId", tenantId.toString(), "domain", domain, "locale", locale,
                "contact", Map.of("name", "Ana Souza", "title", "CIO", "email", customerEmail)));
        body.put("partnerContact", Map.of("name", "Sam Partner", "email", partnerEmail));
        body.put("solutionArea", "MODERN_WORK_SECURITY");
        body.put("program", "OSU_M365");
        body.put("partnerRole", "USE_OR_CONSUME");
        body.put("workloads", workloads);
        body.put("proofOfExecution", Map.of("fileName", "proof-of-execution.pdf", "mediaType", "application/pdf",
                "sizeBytes", 48213, "sha256", POE_SHA256,
                "uri", "https://files.partner.example/poe.pdf"));
        body.put("programTermsAccepted", true);
        return body;
    }
}
