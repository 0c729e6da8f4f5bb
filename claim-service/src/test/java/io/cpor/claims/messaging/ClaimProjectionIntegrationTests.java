package io.cpor.claims.messaging;

import static io.cpor.claims.ClaimJson.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cpor.claims.ClaimJson;
import io.cpor.claims.ContractEvents;
import io.cpor.claims.PlatformBackedTest;
import io.cpor.events.outcomes.ClaimApproved;
import io.cpor.schemas.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** The claim's status follows the other services' events, whatever their order and however often they come. */
class ClaimProjectionIntegrationTests extends PlatformBackedTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void reachesAssociatedThroughDuplicatedAndReorderedEvents() {
        UUID tenant = UUID.randomUUID();
        String claimId = submit(tenant);
        ContractEvents events = new ContractEvents(claimId, tenant);
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID approval = UUID.randomUUID();
        UUID activation = UUID.randomUUID();
        Instant declineBy = t.plus(Duration.ofDays(7));

        send(Topics.CLAIMS_OUTCOMES, claimId, events.approved(approval, t.plusSeconds(3)));
        send(Topics.CLAIMS_REVIEW, claimId, events.reviewRequested(UUID.randomUUID(), t.plusSeconds(1), 1));
        send(Topics.CLAIMS_OUTCOMES, claimId, events.approved(approval, t.plusSeconds(3)));
        send(Topics.ASSOCIATIONS_REQUESTS, tenant.toString(), events.associationRequested(UUID.randomUUID(),
                t.plusSeconds(4), "TEAMS", "EXCHANGE_ONLINE"));
        send(Topics.NOTIFICATIONS_CUSTOMER_NOTIFIED, tenant.toString(), events.customerNotified(UUID.randomUUID(),
                t.plusSeconds(5), declineBy));
        send(Topics.ASSOCIATIONS_EVENTS, tenant.toString(), events.activated(activation, t.plusSeconds(6), "TEAMS",
                "EXCHANGE_ONLINE"));
        send(Topics.ASSOCIATIONS_EVENTS, tenant.toString(), events.activated(activation, t.plusSeconds(6), "TEAMS",
                "EXCHANGE_ONLINE"));

        JsonNode claim = awaitStatus(claimId, "ASSOCIATED");
        assertThat(claim.get("workloads")).extracting(workload -> workload.get("state").asText())
                .containsOnly("ACTIVE");
        assertThat(Instant.parse(claim.get("declineBy").asText())).isEqualTo(declineBy);
        assertThat(claim.get("timeline")).extracting(entry -> entry.get("event").asText())
                .containsExactly("SUBMITTED", "IN_REVIEW", "APPROVED", "ASSOCIATION_REQUESTED", "CUSTOMER_NOTIFIED",
                        "ACTIVATED");
    }

    @Test
    void showsAConflictingWorkloadWhileTheOtherBecomesActive() {
        UUID tenant = UUID.randomUUID();
        String claimId = submit(tenant);
        ContractEvents events = new ContractEvents(claimId, tenant);
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        send(Topics.CLAIMS_OUTCOMES, claimId, events.approved(UUID.randomUUID(), t));
        send(Topics.ASSOCIATIONS_EVENTS, tenant.toString(), events.conflicted(UUID.randomUUID(), t.plusSeconds(1),
                "TEAMS"));
        send(Topics.ASSOCIATIONS_REQUESTS, tenant.toString(), events.associationRequested(UUID.randomUUID(),
                t.plusSeconds(1), "EXCHANGE_ONLINE"));
        send(Topics.NOTIFICATIONS_CUSTOMER_NOTIFIED, tenant.toString(), events.customerNotified(UUID.randomUUID(),
                t.plusSeconds(2), t.plus(Duration.ofDays(7))));
        send(Topics.ASSOCIATIONS_EVENTS, tenant.toString(), events.activated(UUID.randomUUID(), t.plusSeconds(3),
                "EXCHANGE_ONLINE"));

        JsonNode claim = awaitStatus(claimId, "ASSOCIATED");
        assertThat(claim.get("workloads").toString()).isEqualTo("[{\"workload\":\"TEAMS\",\"state\":\"CONFLICT\"},"
                + "{\"workload\":\"EXCHANGE_ONLINE\",\"state\":\"ACTIVE\"}]");
    }

    @Test
    void keepsTheRejectionReasonsOfARejectedClaim() {
        UUID tenant = UUID.randomUUID();
        String claimId = submit(tenant);
        ContractEvents events = new ContractEvents(claimId, tenant);

        send(Topics.CLAIMS_OUTCOMES, claimId, events.rejected(UUID.randomUUID(), Instant.now(),
                "TENANT_DOMAIN_MISMATCH", "DUPLICATE_CLAIM"));

        JsonNode claim = awaitStatus(claimId, "REJECTED");
        assertThat(claim.get("rejectionReasons")).extracting(reason -> reason.get("code").asText())
                .containsExactly("TENANT_DOMAIN_MISMATCH", "DUPLICATE_CLAIM");
    }

    @Test
    void sendsPoisonRecordsToTheDeadLetterTwinAndMovesOn() {
        UUID tenant = UUID.randomUUID();
        String claimId = submit(tenant);
        ContractEvents events = new ContractEvents(claimId, tenant);
        byte[] garbage = "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8);
        byte[] unknownSchema = ByteBuffer.allocate(6).put((byte) 0).putInt(999_999).put((byte) 2).array();

        topics().sendBytes(Topics.CLAIMS_OUTCOMES, claimId, garbage);
        topics().sendBytes(Topics.CLAIMS_OUTCOMES, claimId, unknownSchema);
        send(Topics.CLAIMS_OUTCOMES, claimId, events.rejected(UUID.randomUUID(), Instant.now()));
        ClaimApproved approved = events.approved(UUID.randomUUID(), Instant.now());
        send(Topics.CLAIMS_OUTCOMES, claimId, approved);

        awaitStatus(claimId, "APPROVED");
        List<ConsumerRecord<String, byte[]>> dead = topics().readBytes(Topics.CLAIMS_OUTCOMES + ".DLT",
                record -> claimId.equals(record.key()), 3, Duration.ofSeconds(1), TIMEOUT);
        assertThat(dead).hasSize(3);
        assertThat(dead.get(0).value()).isEqualTo(garbage);
        assertThat(dead.get(1).value()).isEqualTo(unknownSchema);
        assertThat(new String(dead.get(2).headers().lastHeader("kafka_dlt-exception-message").value(),
                StandardCharsets.UTF_8)).contains("a rejection needs at least one reason");
    }

    private void send(String topic, String key, Object event) {
        topics().send(topic, key, event);
    }

    private String submit(UUID tenant) {
        byte[] answer = web.post().uri("/api/v1/claims").headers(h -> h.setBearerAuth(token("demo-partner-1")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(ClaimJson.valid("1000001", tenant, "acme.sandbox.test").toString())
                .exchange().expectStatus().isAccepted().expectBody().returnResult().getResponseBody();
        return JSON.readTree(answer).get("claimId").asText();
    }

    private JsonNode awaitStatus(String claimId, String status) {
        return await().atMost(TIMEOUT).until(() -> read(claimId), claim -> status.equals(claim.get("status")
                .asText()));
    }

    private JsonNode read(String claimId) {
        return JSON.readTree(web.get().uri("/api/v1/claims/{id}", claimId)
                .headers(h -> h.setBearerAuth(token("demo-partner-1"))).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }
}
