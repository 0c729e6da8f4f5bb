package io.cpor.local.registry;

import static io.cpor.local.registry.SchemaRegistryApiTests.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every registry feature the README's table claims, driven by Confluent's own Node.js client
 * ({@code src/test/node/registry-contract.mjs}) against a fresh registry, and each answer held field by field to what
 * Confluent's client and documentation expect. The script runs once; each test reads the steps it is about.
 */
class ConfluentRegistryContractIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA_FIELDS = "subject, version, id, guid, schemaType, metadata, schema, ts, "
            + "deleted, ruleSet";

    @TempDir
    static Path data;

    private static SchemaRegistryServer registry;
    private static JsonNode steps;

    @BeforeAll
    static void runConfluentsClient() throws Exception {
        registry = SchemaRegistryServer.start("127.0.0.1", 0, data);
        steps = JSON.readTree(NodeClient.install().script("registry-contract.mjs", registry.url()));
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    void registrationAnswersAsConfluent8WithTheContract() {
        JsonNode registered = value("registerWithContract");

        assertThat(fieldNames(registered)).containsExactly("id", "version", "guid", "schemaType", "metadata",
                "ruleSet", "schema");
        assertThat(registered.get("version").asInt()).isEqualTo(1);
        assertThat(registered.at("/metadata/properties/owner").asText()).isEqualTo("claims");
        assertThat(registered.at("/metadata/tags/com.example.Order.id").toString()).isEqualTo("[\"PII\"]");
        assertThat(registered.at("/metadata/sensitive").toString()).isEqualTo("[\"id\"]");
        assertThat(registered.at("/ruleSet/domainRules/0/name").asText()).isEqualTo("idPresent");
        assertThat(registered.at("/ruleSet/domainRules/0/kind").asText()).isEqualTo("CONDITION");
        assertThat(registered.at("/ruleSet/migrationRules/0/mode").asText()).isEqualTo("UPGRADE");
        assertThat(value("registerAgainAnswersTheId").asInt()).isEqualTo(registered.get("id").asInt());
    }

    @Test
    void everyReadOfAVersionCarriesItsMetadataAndRules() {
        int id = value("registerWithContract").get("id").asInt();

        for (String step : new String[] {"latest", "version1", "latestWithMajor1"}) {
            JsonNode version = value(step);
            assertThat(String.join(", ", fieldNames(version))).as(step).isEqualTo(SCHEMA_FIELDS);
            assertThat(version.get("id").asInt()).as(step).isEqualTo(id);
            assertThat(version.get("version").asInt()).as(step).isEqualTo(1);
            assertThat(version.at("/metadata/properties/application.major.version").asText()).isEqualTo("1");
            assertThat(version.at("/ruleSet/domainRules/0/expr").asText()).isEqualTo("message.id != ''");
        }
        JsonNode byId = value("bySubjectAndId");
        assertThat(fieldNames(byId)).containsExactly("subject", "version", "guid", "schemaType", "schema",
                "metadata", "ruleSet", "ts", "deleted");
        assertThat(byId.at("/metadata/properties/owner").asText()).isEqualTo("claims");
        assertThat(value("idOfSchema").asInt()).isEqualTo(id);
        assertThat(value("versionOfSchema").asInt()).isEqualTo(1);
    }

    @Test
    void theSameSchemaWithOtherMetadataIsANewVersionAndWithoutMetadataTheLatest() {
        JsonNode other = value("sameSchemaOtherMetadata");
        JsonNode inherited = value("sameSchemaNoMetadataInherits");

        assertThat(other.get("version").asInt()).isEqualTo(2);
        assertThat(other.get("id").asInt()).isNotEqualTo(value("registerWithContract").get("id").asInt());
        assertThat(other.get("schema").asText()).isEqualTo(value("registerWithContract").get("schema").asText());
        assertThat(other.at("/ruleSet/domainRules/0/name").asText()).as("rules inherited").isEqualTo("idPresent");
        assertThat(inherited.get("version").asInt()).as("no new version").isEqualTo(2);
        assertThat(inherited.get("id").asInt()).isEqualTo(other.get("id").asInt());
        assertThat(value("allVersions").toString()).isEqualTo("[1,2]");
    }

    @Test
    void findsTheLatestVersionWithGivenMetadata() {
        assertThat(value("latestWithMajor1").get("version").asInt()).isEqualTo(1);
        assertThat(value("latestWithOwner").get("version").asInt()).isEqualTo(2);
        assertError("latestWithUnknown", 404, 40403);
    }

    @Test
    void configsCarryNormalizeTheGroupAndDefaultAndOverrideContracts() {
        JsonNode updated = value("updateConfig");
        JsonNode read = value("getConfig");

        assertThat(fieldNames(updated)).containsExactly("normalize", "compatibility", "compatibilityGroup",
                "defaultMetadata", "overrideRuleSet");
        assertThat(fieldNames(read)).containsExactly("normalize", "compatibilityLevel", "compatibilityGroup",
                "defaultMetadata", "overrideRuleSet");
        assertThat(read.get("normalize").asBoolean()).isTrue();
        assertThat(read.get("compatibilityGroup").asText()).isEqualTo("application.major.version");
        JsonNode grouped = value("groupMajor1");
        assertThat(grouped.at("/metadata/properties/team").asText()).as("default metadata").isEqualTo("cpor");
        assertThat(grouped.at("/ruleSet/domainRules/0/name").asText()).as("override rules").isEqualTo("audited");
        assertThat(value("getDefaultConfig").toString()).isEqualTo(
                "{\"normalize\":false,\"compatibilityLevel\":\"BACKWARD\"}");
        assertThat(value("updateDefaultConfig").get("compatibility").asText()).isEqualTo("BACKWARD");
    }

    @Test
    void checksCompatibilityOnlyWithinTheCompatibilityGroup() {
        assertError("breakingInSameGroup", 409, 40901);
        assertThat(value("breakingInNewGroup").get("version").asInt()).isEqualTo(2);
    }

    @Test
    void normalizesWhenTheConfigOrTheRequestSaysSo() {
        JsonNode first = value("normalizedFirst");
        JsonNode second = value("normalizedSecond");

        assertThat(second.get("id").asInt()).isEqualTo(first.get("id").asInt());
        assertThat(second.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("schema").asText()).as("custom properties in key order")
                .endsWith("\"x-a\":2,\"x-b\":1}");
        assertThat(value("normalizeOnRequest").get("schema").asText()).endsWith("\"x-a\":2,\"x-b\":1}");
        assertThat(value("lookupNormalized").asInt()).isEqualTo(1);
    }

    @Test
    void readsAndChangesCompatibilityLevelsAndChecksSchemas() {
        assertThat(value("updateCompatibility").asText()).isEqualTo("FULL");
        assertThat(value("getCompatibility").asText()).isEqualTo("FULL");
        assertThat(value("updateDefaultCompatibility").asText()).isEqualTo("BACKWARD");
        assertThat(value("getDefaultCompatibility").asText()).isEqualTo("BACKWARD");
        assertThat(value("compatibleWithLatest").asBoolean()).isTrue();
        assertThat(value("breakingWithLatest").asBoolean()).isFalse();
        assertThat(value("compatibleWithVersion1").asBoolean()).isTrue();
        assertError("compatibilityOfMissingVersion", 404, 40402);
        assertError("registerIncompatible", 409, 40901);
    }

    @Test
    void refusesWithConfluentsErrorCodes() {
        assertError("unknownSubject", 404, 40401);
        assertError("unknownVersion", 404, 40402);
        assertError("unknownId", 404, 40403);
        assertError("unregisteredSchema", 404, 40403);
        assertError("invalidSchema", 422, 42201);
        assertError("invalidVersion", 422, 42202);
        assertError("invalidRuleSet", 422, 42210);
        assertThat(error("invalidRuleSet").get("message").asText()).startsWith("Missing rule type");
        assertError("migrationRuleInDomainMode", 422, 42210);
        assertError("invalidMode", 422, 42204);
    }

    @Test
    void answersContextsSchemasAndSchemasByGuid() {
        assertThat(value("contexts").toString()).isEqualTo("[\".\"]");
        assertThat(value("schemas")).hasSize(2);
        assertThat(String.join(", ", fieldNames(value("schemas").get(0)))).isEqualTo(SCHEMA_FIELDS);
        assertThat(value("schemasLatestOnly")).hasSize(1);
        assertThat(value("schemasLatestOnly").get(0).get("version").asInt()).isEqualTo(2);
        assertThat(value("versionsOfId").toString()).isEqualTo("[{\"subject\":\"orders-value\",\"version\":1}]");
        assertThat(value("byGuid").get("schema").asText()).isEqualTo(value("registerWithContract").get("schema")
                .asText());
        assertThat(value("byGuid").has("subject")).isFalse();
    }

    @Test
    void aReadOnlySubjectRefusesWritesButFindsWhatItHolds() {
        assertThat(value("setReadOnly").toString()).isEqualTo("{\"mode\":\"READONLY\"}");
        assertThat(value("modeOfSubject").toString()).isEqualTo("{\"mode\":\"READONLY\"}");
        assertError("registerNewWhileReadOnly", 422, 42205);
        assertThat(error("registerNewWhileReadOnly").get("message").asText())
                .startsWith("Subject orders-value in context  is in read-only mode");
        assertThat(value("registerExistingWhileReadOnly").asInt()).isEqualTo(value("registerWithContract")
                .get("id").asInt());
        assertError("deleteWhileReadOnly", 422, 42205);
        assertError("configWhileReadOnly", 422, 42205);
        assertThat(value("clearMode").toString()).isEqualTo("{\"mode\":\"READONLY\"}");
        assertThat(value("globalMode").toString()).isEqualTo("{\"mode\":\"READWRITE\"}");
    }

    @Test
    void softAndPermanentDeletesAnswerAsConfluents() {
        assertThat(value("softDeleteVersion1").asInt()).isEqualTo(1);
        assertThat(value("versionsAfterSoftDelete").toString()).isEqualTo("[2]");
        assertThat(value("deletedVersion1").get("deleted").asBoolean()).isTrue();
        assertError("liveVersion1", 404, 40402);
        assertThat(value("versionOfDeletedSchema").asInt()).as("lookupDeletedSchema").isEqualTo(1);
        assertError("softDeleteVersion1Again", 404, 40406);
        assertError("hardDeleteLiveVersion", 404, 40407);
        assertThat(value("hardDeleteVersion1").asInt()).isEqualTo(1);
        assertError("hardDeleteLiveSubject", 404, 40405);
        assertThat(value("softDeleteSubject").toString()).isEqualTo("[2]");
        assertError("softDeleteSubjectAgain", 404, 40404);
        assertThat(value("subjectsAfterSoftDelete").toString()).doesNotContain("orders-value");
        assertThat(value("hardDeleteSubject").toString()).isEqualTo("[2]");
        assertError("subjectAfterHardDelete", 404, 40401);
    }

    @Test
    void confluentsSerdeWritesWithTheVersionChosenByMetadataAndReadsAsAnother() {
        int major1 = value("readingsV1").get("id").asInt();
        String written = value("serializeWithMajor1").asText();

        assertThat(written).startsWith("00" + String.format("%08x", major1));
        assertThat(value("deserializeAsMajor2").toString()).isEqualTo("{\"sensor\":\"door\",\"site\":\"unknown\"}");
    }

    private static JsonNode value(String step) {
        JsonNode outcome = steps.path(step);
        assertThat(outcome.has("value")).as(step + " answered " + outcome).isTrue();
        return outcome.get("value");
    }

    private static JsonNode error(String step) {
        JsonNode outcome = steps.path(step);
        assertThat(outcome.has("error")).as(step + " should have been refused: " + outcome).isTrue();
        return outcome.get("error");
    }

    private static void assertError(String step, int status, int errorCode) {
        JsonNode error = error(step);
        assertThat(error.get("status").asInt()).as(step + ": " + error).isEqualTo(status);
        assertThat(error.get("errorCode").asInt()).as(step + ": " + error).isEqualTo(errorCode);
    }
}
