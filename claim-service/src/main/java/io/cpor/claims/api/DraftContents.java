package io.cpor.claims.api;

import io.cpor.claims.domain.ClaimDetails;
import io.cpor.claims.domain.Draft;
import io.cpor.support.web.FieldViolation;
import io.cpor.support.web.InvalidRequestException;
import io.cpor.support.web.JsonErrors;
import io.cpor.support.web.ProblemException;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A draft's content, the partner's partial claim as JSON: checked as a draft (what is there well formed, the token's
 * partner), merged with patches, completed into a claim on submission, and shown with only what was written.
 */
final class DraftContents {

    private final ClaimRequestValidator validator;
    private final JsonMapper json;

    DraftContents(ClaimRequestValidator validator, JsonMapper json) {
        this.validator = validator;
        this.json = json;
    }

    /** The content to store for this request body, once checked as a draft. */
    String checked(ClaimRequest request, String partnerId) {
        return checked(json.valueToTree(request), partnerId);
    }

    /** A merge patch as the request gave it (a JSON object, nulls kept: they remove). */
    ObjectNode patch(Map<String, Object> body) {
        return json.valueToTree(body);
    }

    /** The stored content changed by an RFC 7386 merge patch, checked as a draft. */
    String patched(String content, ObjectNode patch, String partnerId) {
        return checked(merged(json.readTree(content), patch), partnerId);
    }

    /** The claim the content makes, checked as a POST is (every missing or malformed field), or refused. */
    ClaimDetails complete(String content, String partnerId) {
        ClaimRequest request = request(json.readTree(content));
        refuse(validator.validate(request));
        samePartner(request, partnerId);
        return ClaimRequests.details(request);
    }

    DraftView view(Draft draft) {
        return new DraftView(draft.id().toString(), "DRAFT", draft.createdAt(), draft.updatedAt(),
                draft.expiresAt(), written(json.readTree(draft.content())));
    }

    private String checked(JsonNode content, String partnerId) {
        ClaimRequest request = request(content);
        refuse(validator.validateDraft(request));
        samePartner(request, partnerId);
        return json.writeValueAsString(written(json.valueToTree(request)));
    }

    private ClaimRequest request(JsonNode content) {
        try {
            return json.treeToValue(content, ClaimRequest.class);
        }
        catch (JacksonException e) {
            throw new InvalidRequestException(List.of(JsonErrors.describe(e)));
        }
    }

    private static void refuse(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }

    private static void samePartner(ClaimRequest request, String partnerId) {
        if (request.partnerId() != null && !request.partnerId().equals(partnerId)) {
            throw ProblemException.forbidden("partner-mismatch", "partnerId " + request.partnerId()
                    + " is not the PartnerID of the token");
        }
    }

    /** The content without the fields not written yet (nulls), as a map for the answer. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> written(JsonNode content) {
        return json.convertValue(withoutNulls(content), Map.class);
    }

    private static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).deepCopy();
            List<String> empty = copy.properties().stream().filter(field -> field.getValue().isNull())
                    .map(Map.Entry::getKey).toList();
            empty.forEach(copy::remove);
            copy.properties().forEach(field -> copy.set(field.getKey(), withoutNulls(field.getValue())));
            return copy;
        }
        return node;
    }

    /** RFC 7386: members of the patch replace the target's, null removes, objects merge recursively. */
    static JsonNode merged(JsonNode target, ObjectNode patch) {
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : patch.objectNode();
        patch.properties().forEach(field -> {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                result.remove(field.getKey());
            }
            else if (value.isObject()) {
                result.set(field.getKey(), merged(result.get(field.getKey()), (ObjectNode) value));
            }
            else {
                result.set(field.getKey(), value);
            }
        });
        return result;
    }
}
