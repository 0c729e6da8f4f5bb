package io.cpor.claims.api;

import io.cpor.schemas.catalog.SolutionCatalog;
import io.cpor.support.web.FieldViolation;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The structural checks of a claim request, every violation reported at once. Whether codes go together, whether
 * the domain is the tenant's and whether the claim is a duplicate are the validation-service's business.
 */
final class ClaimRequestValidator {

    static final int MAX_NAME = 200;
    static final int MAX_WORKLOADS = 50;
    static final int MAX_MESSAGE = 4000;
    static final int MAX_DOCUMENTS = 20;
    static final Set<String> LOCALES = Set.of("en", "pt-BR");

    private static final Pattern PARTNER_ID = Pattern.compile("\\d{6,8}");
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DNS_NAME = Pattern.compile(
            "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern PHONE = Pattern.compile("[0-9+() -]{3,40}");

    private final SolutionCatalog catalog;

    ClaimRequestValidator(SolutionCatalog catalog) {
        this.catalog = catalog;
    }

    List<FieldViolation> validate(ClaimRequest request) {
        return validate(request, new Violations(false));
    }

    /**
     * The checks of a draft: what is there must be well formed, as in a claim; what is missing may be added later.
     */
    List<FieldViolation> validateDraft(ClaimRequest request) {
        return validate(request, new Violations(true));
    }

    private List<FieldViolation> validate(ClaimRequest request, Violations violations) {
        if (request == null) {
            violations.add("(body)", "a claim is required");
            return violations.list;
        }
        if (violations.required("partnerId", request.partnerId()) && !PARTNER_ID.matcher(request.partnerId())
                .matches()) {
            violations.add("partnerId", "must be 6 to 8 digits");
        }
        violations.text("name", request.name(), MAX_NAME, true);
        customer(request.customer(), violations);
        partnerContact(request.partnerContact(), violations);
        code("solutionArea", request.solutionArea(), catalog::isSolutionArea, "solution area", violations);
        code("program", request.program(), catalog::isProgram, "program", violations);
        code("partnerRole", request.partnerRole(), catalog::isPartnerRole, "partner role", violations);
        workloads(request.workloads(), violations);
        if (request.subscriptionId() != null) {
            violations.text("subscriptionId", request.subscriptionId(), 100, true);
        }
        if (request.proofOfExecution() != null) {
            document("proofOfExecution", request.proofOfExecution(), violations);
        }
        technicalContact(request, violations);
        if (request.comments() != null) {
            violations.text("comments", request.comments(), MAX_MESSAGE, false);
        }
        if (request.programTermsAccepted() == null) {
            violations.missing("programTermsAccepted", "is required: true to accept the program's terms");
        }
        else if (!request.programTermsAccepted()) {
            violations.missing("programTermsAccepted", "must be true: a claim is submitted only with the "
                    + "program's terms accepted");
        }
        return violations.list;
    }

    /** A comment added to a claim: at most 4000 characters, line breaks allowed. */
    List<FieldViolation> validateComment(String field, String comment) {
        Violations violations = new Violations(false);
        violations.text(field, comment, MAX_MESSAGE, true);
        return violations.list;
    }

    List<FieldViolation> validate(DisputeRequest body) {
        Violations violations = new Violations(false);
        if (body == null) {
            violations.add("(body)", "a justification is required");
            return violations.list;
        }
        violations.text("justification", body.justification(), MAX_MESSAGE, true);
        documents(body.documents(), violations);
        return violations.list;
    }

    /** Required where the solution area asks for one (Business Applications), refused elsewhere. */
    private void technicalContact(ClaimRequest request, Violations violations) {
        var area = request.solutionArea() == null ? java.util.Optional.<SolutionCatalog.SolutionArea>empty()
                : catalog.solutionArea(request.solutionArea());
        ClaimRequest.TechnicalContactRequest contact = request.technicalContact();
        if (contact == null) {
            if (area.map(SolutionCatalog.SolutionArea::technicalContactRequired).orElse(false)) {
                violations.missing("technicalContact", "is required for " + area.get().name() + " claims");
            }
            return;
        }
        if (area.isPresent() && !area.get().technicalContactRequired()) {
            violations.add("technicalContact", "only claims of a solution area that asks for one have a technical "
                    + "contact; " + area.get().name() + " does not");
        }
        person("technicalContact", contact.name(), contact.email(), violations);
        if (contact.phone() != null && !PHONE.matcher(contact.phone()).matches()) {
            violations.add("technicalContact.phone", "must be 3 to 40 digits, spaces, +, -, ( or )");
        }
    }

    List<FieldViolation> validate(InformationRequestBody body) {
        Violations violations = new Violations(false);
        if (body == null) {
            violations.add("(body)", "an answer is required");
            return violations.list;
        }
        violations.text("message", body.message(), MAX_MESSAGE, true);
        documents(body.documents(), violations);
        return violations.list;
    }

    private static void documents(List<ClaimRequest.DocumentRequest> documents, Violations violations) {
        if (documents == null) {
            return;
        }
        if (documents.size() > MAX_DOCUMENTS) {
            violations.add("documents", "at most " + MAX_DOCUMENTS + " documents");
        }
        for (int i = 0; i < documents.size(); i++) {
            document("documents[" + i + "]", documents.get(i), violations);
        }
    }

    List<FieldViolation> validate(WithdrawRequest body) {
        Violations violations = new Violations(false);
        if (body != null && body.reason() != null) {
            violations.text("reason", body.reason(), 1000, false);
        }
        return violations.list;
    }

    private static void customer(ClaimRequest.CustomerRequest customer, Violations violations) {
        if (customer == null) {
            violations.missing("customer", "is required");
            return;
        }
        if (violations.required("customer.tenantId", customer.tenantId())
                && !GUID.matcher(customer.tenantId()).matches()) {
            violations.add("customer.tenantId", "must be a GUID such as 2f6b1c3e-8d4a-4b7e-9a51-6c0d3e2f1a01");
        }
        if (violations.required("customer.domain", customer.domain())
                && !DNS_NAME.matcher(customer.domain()).matches()) {
            violations.add("customer.domain", "must be a DNS name such as contoso.onmicrosoft.com");
        }
        if (customer.locale() != null && !LOCALES.contains(customer.locale())) {
            violations.add("customer.locale", "must be en or pt-BR");
        }
        ClaimRequest.ContactRequest contact = customer.contact();
        if (contact == null) {
            violations.missing("customer.contact", "is required");
            return;
        }
        person("customer.contact", contact.name(), contact.email(), violations);
        if (contact.title() != null) {
            violations.text("customer.contact.title", contact.title(), MAX_NAME, false);
        }
    }

    private static void partnerContact(ClaimRequest.PartnerContactRequest contact, Violations violations) {
        if (contact == null) {
            violations.missing("partnerContact", "is required");
            return;
        }
        person("partnerContact", contact.name(), contact.email(), violations);
    }

    private static void person(String field, String name, String email, Violations violations) {
        violations.text(field + ".name", name, MAX_NAME, true);
        if (violations.required(field + ".email", email) && (email.length() > 254
                || !EMAIL.matcher(email).matches())) {
            violations.add(field + ".email", "must be an email address");
        }
    }

    private static void code(String field, String value, java.util.function.Predicate<String> known, String what,
            Violations violations) {
        if (violations.required(field, value) && !known.test(value)) {
            violations.add(field, "unknown " + what + " code '" + value + "'");
        }
    }

    private void workloads(List<String> workloads, Violations violations) {
        if (workloads == null || workloads.isEmpty()) {
            violations.missing("workloads", "at least one workload is required");
            return;
        }
        if (workloads.size() > MAX_WORKLOADS) {
            violations.add("workloads", "at most " + MAX_WORKLOADS + " workloads");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < workloads.size(); i++) {
            String workload = workloads.get(i);
            String field = "workloads[" + i + "]";
            if (workload == null || workload.isBlank()) {
                violations.add(field, "must not be empty");
            }
            else if (!catalog.isWorkload(workload)) {
                violations.add(field, "unknown workload code '" + workload + "'");
            }
            else if (!seen.add(workload)) {
                violations.add(field, "duplicate workload " + workload);
            }
        }
    }

    private static void document(String field, ClaimRequest.DocumentRequest document, Violations violations) {
        if (document == null) {
            violations.add(field, "must not be null");
            return;
        }
        violations.text(field + ".fileName", document.fileName(), 255, true);
        violations.text(field + ".mediaType", document.mediaType(), 100, true);
        if (document.sizeBytes() == null) {
            violations.missing(field + ".sizeBytes", "is required");
        }
        else if (document.sizeBytes() < 1) {
            violations.add(field + ".sizeBytes", "must be at least 1");
        }
        if (violations.required(field + ".sha256", document.sha256())
                && !SHA256.matcher(document.sha256()).matches()) {
            violations.add(field + ".sha256", "must be 64 hexadecimal characters");
        }
        if (violations.required(field + ".uri", document.uri()) && !isHttps(document.uri())) {
            violations.add(field + ".uri", "must be an absolute https URI");
        }
    }

    private static boolean isHttps(String uri) {
        if (uri.length() > 2048) {
            return false;
        }
        try {
            URI parsed = new URI(uri);
            return "https".equalsIgnoreCase(parsed.getScheme()) && parsed.getHost() != null;
        }
        catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** The violations found so far; in a draft, what is missing is not one. */
    private static final class Violations {

        private final List<FieldViolation> list = new ArrayList<>();
        private final boolean draft;

        Violations(boolean draft) {
            this.draft = draft;
        }

        void add(String field, String message) {
            list.add(new FieldViolation(field, message));
        }

        /** Something required is not there: a violation, except in a draft. */
        void missing(String field, String message) {
            if (!draft) {
                add(field, message);
            }
        }

        /** Adds "is required" if the value is missing or blank (not in a draft); true if it is there. */
        boolean required(String field, String value) {
            if (value == null || value.isBlank()) {
                missing(field, "is required");
                return false;
            }
            return true;
        }

        /** A bounded single line of text: no control characters (they would break email headers). */
        void text(String field, String value, int max, boolean required) {
            if (required && !required(field, value) || value == null) {
                return;
            }
            if (value.length() > max) {
                add(field, "at most " + max + " characters");
            }
            else if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t'
                    || (c == '\n' || c == '\t') && max <= MAX_NAME)) {
                add(field, "must not contain control characters or line breaks");
            }
        }
    }
}
