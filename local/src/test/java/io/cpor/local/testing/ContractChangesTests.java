package io.cpor.local.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** What breaks clients of an older document, and what does not. */
class ContractChangesTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "info": {"title": "t", "version": "v1"},
             "paths": {"/api/v1/things": {
               "post": {"requestBody": {"content": {"application/json": {"schema":
                 {"$ref": "#/components/schemas/ThingRequest"}}}},
                 "responses": {"202": {"description": "taken"}, "400": {"description": "bad"}}},
               "get": {"parameters": [{"name": "state", "in": "query", "required": false,
                 "schema": {"type": "string"}}],
                 "responses": {"200": {"description": "things", "content": {"application/json": {"schema":
                 {"$ref": "#/components/schemas/Thing"}}}}}}}},
             "components": {"schemas": {
               "ThingRequest": {"type": "object", "required": ["name"], "properties": {
                 "name": {"type": "string"}, "note": {"type": ["string", "null"]},
                 "kind": {"type": "string", "enum": ["A", "B"]}}},
               "Thing": {"type": "object", "required": ["id", "kind"], "properties": {
                 "id": {"type": "string"}, "kind": {"type": "string", "enum": ["A", "B"]}}}}}}
            """;

    @Test
    void anIdenticalDocumentOrOneThatOnlyAddsBreaksNothing() throws Exception {
        ObjectNode newer = document();
        ((ObjectNode) newer.at("/components/schemas/Thing/properties")).putObject("added").put("type", "string");
        ((ObjectNode) newer.at("/components/schemas/ThingRequest/properties")).putObject("optional")
                .put("type", "string");
        ((ArrayNode) newer.at("/components/schemas/Thing/properties/kind/enum")).add("C");
        ((ObjectNode) newer.at("/paths")).putObject("/api/v1/other").putObject("get").putObject("responses");

        assertThat(ContractChanges.breaking(document(), document())).isEmpty();
        assertThat(ContractChanges.breaking(document(), newer)).isEmpty();
    }

    @Test
    void aRemovedFieldANewRequiredFieldANarrowedTypeOrARemovedCodeBreaksClients() throws Exception {
        ObjectNode newer = document();
        ((ObjectNode) newer.at("/components/schemas/Thing/properties")).remove("id");
        ((ArrayNode) newer.at("/components/schemas/ThingRequest/required")).add("note");
        ((ObjectNode) newer.at("/components/schemas/ThingRequest/properties/note")).put("type", "string");
        ((ArrayNode) newer.at("/components/schemas/ThingRequest/properties/kind/enum")).remove(1);
        ((ObjectNode) newer.at("/paths/~1api~1v1~1things/post/responses")).remove("400");
        ((ObjectNode) newer.at("/paths/~1api~1v1~1things/get/parameters/0")).put("required", true);

        assertThat(ContractChanges.breaking(document(), newer)).containsExactlyInAnyOrder(
                "POST /api/v1/things: status 400 is no longer declared",
                "GET /api/v1/things: parameter query:state is newly required",
                "Thing.id is gone",
                "ThingRequest.note: type [string, null] became [string]",
                "ThingRequest.kind: no longer takes B",
                "ThingRequest.note is newly required");
    }

    @Test
    void aRemovedOperationBreaksClients() throws Exception {
        ObjectNode newer = document();
        ((ObjectNode) newer.at("/paths/~1api~1v1~1things")).remove("get");

        assertThat(ContractChanges.breaking(document(), newer)).containsExactly(
                "GET /api/v1/things: the operation is gone");
    }

    private static ObjectNode document() throws Exception {
        JsonNode node = JSON.readTree(DOCUMENT);
        return (ObjectNode) node;
    }
}
