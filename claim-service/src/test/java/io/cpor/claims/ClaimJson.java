package io.cpor.claims;

import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A valid claim request body, to submit as is or to break one field at a time. */
public final class ClaimJson {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private ClaimJson() {
    }

    public static ObjectNode valid(String partnerId) {
        return valid(partnerId, UUID.fromString("2f6b1c3e-8d4a-4b7e-9a51-6c0d3e2f1a01"), "contoso.onmicrosoft.com");
    }

    public static ObjectNode valid(String partnerId, UUID tenantId, String domain) {
        ObjectNode claim = JSON.createObjectNode()
                .put("partnerId", partnerId)
                .put("name", "Contoso Teams rollout");
        ObjectNode customer = claim.putObject("customer")
                .put("tenantId", tenantId.toString())
                .put("domain", domain)
                .put("locale", "pt-BR");
        customer.putObject("contact").put("name", "Ana Souza").put("title", "CIO")
                .put("email", "ana.souza@contoso.com");
        claim.putObject("partnerContact").put("name", "Sam Partner").put("email", "sam@partner-one.example");
        claim.put("solutionArea", "MODERN_WORK_SECURITY").put("program", "OSU_M365")
                .put("partnerRole", "USE_OR_CONSUME");
        claim.putArray("workloads").add("TEAMS").add("EXCHANGE_ONLINE");
        claim.putObject("proofOfExecution")
                .put("fileName", "proof-of-execution.pdf")
                .put("mediaType", "application/pdf")
                .put("sizeBytes", 48_213)
                .put("sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
                .put("uri", "https://files.partner-one.example/poe.pdf");
        claim.put("programTermsAccepted", true);
        return claim;
    }

    /** The body with the value at a dotted path ({@code customer.contact.email}) replaced, or removed if null. */
    public static ObjectNode with(ObjectNode body, String path, JsonNode value) {
        ObjectNode copy = body.deepCopy();
        String[] parts = path.split("\\.");
        ObjectNode parent = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) parent.get(parts[i]);
        }
        if (value == null) {
            parent.remove(parts[parts.length - 1]);
        }
        else {
            parent.set(parts[parts.length - 1], value);
        }
        return copy;
    }

    public static JsonNode text(String value) {
        return JSON.getNodeFactory().textNode(value);
    }

    public static ArrayNode array(String... values) {
        ArrayNode array = JSON.createArrayNode();
        for (String value : values) {
            array.add(value);
        }
        return array;
    }
}
