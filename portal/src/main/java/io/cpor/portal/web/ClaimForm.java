package io.cpor.portal.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * The claim form as typed: its fields are named by their path in the claims API's request body
 * ({@code customer.contact.email}), so the API's problem answer points at the field to mark, and what was typed is
 * shown again as it was. Blank fields are left out for the API to name as missing; a number that is not one is sent
 * as typed, for the API to refuse.
 */
public record ClaimForm(Map<String, String> values, List<String> workloads, String idempotencyKey) {

    static final Set<String> CHECKBOXES = Set.of("programTermsAccepted", "incentiveOptOut");
    private static final Set<String> NUMBERS = Set.of("proofOfExecution.sizeBytes");
    /** The fields the form has: anything else a browser sends is not passed on. */
    static final Set<String> FIELDS = Set.of("name", "solutionArea", "program", "partnerRole", "subscriptionId",
            "customer.tenantId", "customer.domain", "customer.locale", "customer.contact.name",
            "customer.contact.title", "customer.contact.email", "partnerContact.name", "partnerContact.email",
            "technicalContact.name", "technicalContact.email", "technicalContact.phone", "proofOfExecution.fileName",
            "proofOfExecution.mediaType", "proofOfExecution.sizeBytes", "proofOfExecution.sha256",
            "proofOfExecution.uri", "comments", "programTermsAccepted", "incentiveOptOut");

    /** The label (message key) of each field, for the summary of what the API refused. */
    static final Map<String, String> LABELS = Map.ofEntries(Map.entry("name", "form.name"),
            Map.entry("solutionArea", "form.area"), Map.entry("program", "form.program"),
            Map.entry("partnerRole", "form.role"), Map.entry("workloads", "form.workloads"),
            Map.entry("subscriptionId", "form.subscriptionId"), Map.entry("customer.tenantId", "form.tenantId"),
            Map.entry("customer.domain", "form.domain"), Map.entry("customer.locale", "form.locale"),
            Map.entry("customer.contact.name", "form.contact.name"),
            Map.entry("customer.contact.title", "form.contact.title"),
            Map.entry("customer.contact.email", "form.contact.email"),
            Map.entry("partnerContact.name", "form.contact.name"),
            Map.entry("partnerContact.email", "form.contact.email"),
            Map.entry("technicalContact.name", "form.contact.name"),
            Map.entry("technicalContact.email", "form.contact.email"),
            Map.entry("technicalContact.phone", "form.phone"),
            Map.entry("proofOfExecution.fileName", "form.proof.fileName"),
            Map.entry("proofOfExecution.mediaType", "form.proof.mediaType"),
            Map.entry("proofOfExecution.sizeBytes", "form.proof.sizeBytes"),
            Map.entry("proofOfExecution.sha256", "form.proof.sha256"),
            Map.entry("proofOfExecution.uri", "form.proof.uri"), Map.entry("comments", "form.comments"),
            Map.entry("programTermsAccepted", "form.terms"), Map.entry("incentiveOptOut", "form.optout"));
    /** The section (message key) of each field whose label alone says too little. */
    static final Map<String, String> SECTIONS = Map.ofEntries(
            Map.entry("customer.contact.name", "form.section.contact"),
            Map.entry("customer.contact.title", "form.section.contact"),
            Map.entry("customer.contact.email", "form.section.contact"),
            Map.entry("partnerContact.name", "form.section.partner"),
            Map.entry("partnerContact.email", "form.section.partner"),
            Map.entry("technicalContact.name", "form.section.technical"),
            Map.entry("technicalContact.email", "form.section.technical"),
            Map.entry("technicalContact.phone", "form.section.technical"));

    static ClaimForm empty(String solutionArea, String idempotencyKey) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("solutionArea", solutionArea);
        values.put("customer.locale", "en");
        values.put("proofOfExecution.mediaType", "application/pdf");
        return new ClaimForm(values, List.of(), idempotencyKey);
    }

    static ClaimForm read(MultiValueMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String value = form.getFirst(field);
            if (value != null) {
                values.put(field, value.strip());
            }
        }
        List<String> workloads = form.getOrDefault("workloads", List.of()).stream().map(String::strip)
                .filter(code -> !code.isEmpty()).distinct().toList();
        return new ClaimForm(values, workloads, form.getFirst("idempotencyKey"));
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean checked(String field) {
        return "true".equals(values.get(field));
    }

    public boolean hasWorkload(String code) {
        return workloads.contains(code);
    }

    /** The same values under a fresh Idempotency-Key: what was typed is shown again after a refusal. */
    ClaimForm withKey(String key) {
        return new ClaimForm(values, workloads, key);
    }

    /** The claims API's request body, for the partner signed in. */
    Map<String, Object> body(String partnerId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("partnerId", partnerId);
        values.forEach((field, value) -> {
            if (CHECKBOXES.contains(field) || value.isEmpty()) {
                return;
            }
            put(body, field, NUMBERS.contains(field) ? number(value) : value);
        });
        body.put("workloads", new ArrayList<>(workloads));
        CHECKBOXES.forEach(field -> body.put(field, checked(field)));
        return body;
    }

    private static Object number(String value) {
        try {
            return Long.parseLong(value);
        }
        catch (NumberFormatException notANumber) {
            return value;
        }
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> body, String path, Object value) {
        String[] parts = path.split("\\.");
        Map<String, Object> node = body;
        for (int i = 0; i < parts.length - 1; i++) {
            node = (Map<String, Object>) node.computeIfAbsent(parts[i], ignored -> new LinkedHashMap<>());
        }
        node.put(parts[parts.length - 1], value);
    }
}
