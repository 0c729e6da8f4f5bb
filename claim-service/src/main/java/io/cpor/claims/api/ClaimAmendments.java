package io.cpor.claims.api;

import io.cpor.claims.domain.ClaimDetails;
import io.cpor.schemas.catalog.SolutionCatalog;
import io.cpor.support.web.FieldViolation;
import io.cpor.support.web.InvalidRequestException;
import io.cpor.support.web.JsonErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A merge patch of a submitted claim while a validator's question is open: only the contacts, the workloads (of the
 * claim's solution area), the proof and a comment may be in it, and the claim it makes is checked as a submitted one
 * is. Everything else the partner would have to withdraw and claim again for.
 */
final class ClaimAmendments {

    static final String COMMENT = "comment";
    private static final Set<String> CHANGEABLE = Set.of("customer", "partnerContact", "technicalContact",
            "workloads", "proofOfExecution", COMMENT);
    private static final String ONLY = "cannot be changed once the claim is submitted; while a validator's question "
            + "is open, customer.contact, partnerContact, technicalContact, workloads, proofOfExecution and comment "
            + "can";

    private final ClaimRequestValidator validator;
    private final SolutionCatalog catalog;
    private final JsonMapper json;

    ClaimAmendments(ClaimRequestValidator validator, SolutionCatalog catalog, JsonMapper json) {
        this.validator = validator;
        this.catalog = catalog;
        this.json = json;
    }

    /** The amendment the patch makes of the claim's details, or every reason it cannot be one. */
    ClaimDetails.Amendment of(ClaimDetails current, ObjectNode patch) {
        List<FieldViolation> violations = new ArrayList<>();
        patch.properties().forEach(field -> {
            if (!CHANGEABLE.contains(field.getKey())) {
                violations.add(new FieldViolation(field.getKey(), ONLY));
            }
        });
        JsonNode customer = patch.get("customer");
        if (customer != null && !customer.isObject()) {
            violations.add(new FieldViolation("customer", "must be an object holding contact"));
        }
        else if (customer != null) {
            customer.properties().stream().map(java.util.Map.Entry::getKey).filter(key -> !key.equals("contact"))
                    .forEach(key -> violations.add(new FieldViolation("customer." + key, ONLY)));
        }
        JsonNode commentNode = patch.get(COMMENT);
        String comment = null;
        if (commentNode != null && !commentNode.isNull()) {
            if (commentNode.isString()) {
                comment = commentNode.asString();
                violations.addAll(validator.validateComment(COMMENT, comment));
            }
            else {
                violations.add(new FieldViolation(COMMENT, "must be a string"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        ObjectNode changes = patch.deepCopy();
        changes.remove(COMMENT);
        ClaimRequest request = request(DraftContents.merged(json.valueToTree(ClaimRequests.request(current)),
                changes));
        violations.addAll(validator.validate(request));
        sameSolutionArea(current.solutionArea(), request.workloads(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        ClaimDetails proposed = ClaimRequests.details(request);
        return new ClaimDetails.Amendment(proposed.customer().contact(), proposed.partnerContact(),
                proposed.technicalContact(), proposed.workloads(), proposed.proofOfExecution(),
                comment == null ? null : comment.strip());
    }

    private void sameSolutionArea(String solutionArea, List<String> workloads, List<FieldViolation> violations) {
        SolutionCatalog.SolutionArea area = catalog.solutionArea(solutionArea).orElse(null);
        if (area == null || workloads == null) {
            return;
        }
        for (int i = 0; i < workloads.size(); i++) {
            String workload = workloads.get(i);
            if (workload != null && catalog.isWorkload(workload) && area.workload(workload).isEmpty()) {
                violations.add(new FieldViolation("workloads[" + i + "]", workload + " is not a workload of "
                        + area.name() + "; a claim keeps its solution area"));
            }
        }
    }

    private ClaimRequest request(JsonNode content) {
        try {
            return json.treeToValue(content, ClaimRequest.class);
        }
        catch (JacksonException e) {
            throw new InvalidRequestException(List.of(JsonErrors.describe(e)));
        }
    }
}
