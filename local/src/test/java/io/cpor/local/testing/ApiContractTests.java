package io.cpor.local.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Answers judged by a small document: what it declares passes, anything else is named. */
class ApiContractTests {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
             "paths": {
              "/api/v1/things/{thingId}": {"get": {"responses": {
                "200": {"description": "a thing", "content": {"application/json": {"schema":
                  {"$ref": "#/components/schemas/Thing"}}}},
                "404": {"description": "none", "content": {"application/problem+json": {"schema":
                  {"$ref": "#/components/schemas/Problem"}}}}}}},
              "/api/v1/things": {"post": {"responses": {"202": {"description": "taken"}}}}},
             "components": {"schemas": {
              "Thing": {"type": "object", "required": ["id", "state", "note"], "properties": {
                "id": {"type": "string", "format": "uuid"},
                "state": {"type": "string", "enum": ["NEW", "OLD"]},
                "note": {"type": ["string", "null"]}}},
              "Problem": {"type": "object", "required": ["title", "status"], "properties": {
                "type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
                "detail": {"type": ["string", "null"]}}}}}}
            """;

    private final ApiContract contract = ApiContract.of(DOCUMENT);

    @Test
    void anAnswerAsDeclaredKeepsTheDocument() {
        assertThat(contract.violations("GET", "/api/v1/things/7b0f", 200, "application/json",
                bytes("{\"id\":\"5d9c2f7e-3b1a-4c8e-9f6d-2a7b1c0e4d53\",\"state\":\"NEW\",\"note\":null}"))).isEmpty();
        assertThat(contract.violations("GET", "/api/v1/things/7b0f", 404, "application/problem+json",
                bytes("{\"type\":\"/problems/not-found\",\"title\":\"Not found\",\"status\":404,\"extra\":1}")))
                .isEmpty();
        assertThat(contract.violations("POST", "/api/v1/things", 202, null, new byte[0])).isEmpty();
    }

    @Test
    void anUndeclaredStatusMediaTypeOrOperationIsNamed() {
        assertThat(contract.violations("GET", "/api/v1/things/7b0f", 409, "application/problem+json",
                bytes("{\"title\":\"x\",\"status\":409}"))).singleElement().asString()
                .contains("status 409 is not declared");
        assertThat(contract.violations("GET", "/api/v1/things/7b0f", 200, "text/plain", bytes("x")))
                .singleElement().asString().contains("media type 'text/plain' is not declared");
        assertThat(contract.violations("DELETE", "/api/v1/things/7b0f", 200, "application/json", bytes("{}")))
                .singleElement().asString().contains("declares no DELETE");
        assertThat(contract.violations("GET", "/api/v2/else", 200, "application/json", bytes("{}")))
                .singleElement().asString().contains("no such path");
        assertThat(contract.violations("POST", "/api/v1/things", 202, "application/json", bytes("{}")))
                .singleElement().asString().contains("a body where the document declares none");
    }

    @Test
    void aNullWhereAStringIsDeclaredAnUndeclaredFieldAWrongTypeOrAnUnknownCodeIsNamed() {
        assertThat(contract.violations("GET", "/api/v1/things/7b0f", 200, "application/json",
                bytes("{\"id\":null,\"state\":\"LOST\",\"note\":3,\"more\":true}")))
                .hasSize(4)
                .anySatisfy(error -> assertThat(error).contains("/id").contains("null"))
                .anySatisfy(error -> assertThat(error).contains("/state"))
                .anySatisfy(error -> assertThat(error).contains("/note"))
                .anySatisfy(error -> assertThat(error).contains("more"));
        assertThat(contract.violations("GET", "/api/v1/things/7b0f", 200, "application/json",
                bytes("{\"id\":\"5d9c2f7e-3b1a-4c8e-9f6d-2a7b1c0e4d53\",\"state\":\"NEW\"}")))
                .singleElement().asString().contains("note");
    }

    @Test
    void checkFailsWithEveryViolationAndTheBody() {
        assertThatThrownBy(() -> contract.check("GET", "/api/v1/things/7b0f", 500, "application/problem+json",
                bytes("{\"title\":\"boom\",\"status\":500}")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("status 500 is not declared").hasMessageContaining("\"title\":\"boom\"");
    }

    @Test
    void theDocumentsOwnExamplesAreJudgedByTheirSchemas() {
        ApiContract withExamples = ApiContract.of(DOCUMENT.replace("\"description\": \"a thing\", \"content\": {"
                + "\"application/json\": {", "\"description\": \"a thing\", \"content\": {\"application/json\": {"
                + "\"examples\": {\"good\": {\"value\": {\"id\": \"a\", \"state\": \"NEW\", \"note\": null}}, "
                + "\"bad\": {\"value\": {\"id\": \"a\", \"state\": \"LOST\"}}},"));

        assertThat(contract.exampleViolations()).isEmpty();
        assertThat(withExamples.exampleViolations()).hasSize(2).allSatisfy(error -> assertThat(error)
                .contains("/responses/200/content/application~1json/schema example"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
