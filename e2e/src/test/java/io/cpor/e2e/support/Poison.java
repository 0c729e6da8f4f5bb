package io.cpor.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpor.events.EventMetadata;
import io.cpor.events.associations.AssociationActivated;
import io.cpor.events.associations.AssociationRequested;
import io.cpor.events.claims.Claim;
import io.cpor.events.claims.ClaimSubmitted;
import io.cpor.events.claims.Customer;
import io.cpor.events.claims.CustomerContact;
import io.cpor.events.claims.PartnerContact;
import io.cpor.events.notifications.CustomerNotified;
import io.cpor.events.outcomes.ClaimRejected;
import io.cpor.events.review.ReviewDecided;
import io.cpor.events.review.ReviewDecision;
import io.cpor.events.review.ReviewRequested;
import io.cpor.events.review.ReviewTrigger;
import io.cpor.local.testing.TopicProbe;
import io.cpor.schemas.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Poison for every topic a service consumes: bytes that are not Avro at all, the wire format naming a schema id the
 * registry never gave, and valid Avro that breaks a rule of the contract its consumer enforces. Each record has a key
 * of its own, by which it is found again in the topic's dead-letter twin.
 */
public final class Poison {

    /** A poison record as written. */
    public record Written(String topic, String kind, String key) {
    }

    /** Every input topic of a service, with an event that breaks a rule its consumer checks. */
    private static final Map<String, java.util.function.Function<UUID, Object>> RULE_BREAKERS = ruleBreakers();

    private Poison() {
    }

    public static List<Written> writeToEveryInputTopic(TopicProbe topics) {
        List<Written> written = new ArrayList<>();
        RULE_BREAKERS.forEach((topic, ruleBreaker) -> {
            String garbage = "poison-garbage-" + UUID.randomUUID();
            topics.sendBytes(topic, garbage, "{\"this\": \"is JSON, not Avro\"}".getBytes(StandardCharsets.UTF_8));
            written.add(new Written(topic, "garbage bytes", garbage));

            String unknown = "poison-unknown-schema-" + UUID.randomUUID();
            topics.sendBytes(topic, unknown, ByteBuffer.allocate(13).put((byte) 0).putInt(987_654_321)
                    .putLong(42L).array());
            written.add(new Written(topic, "unknown schema id", unknown));

            UUID claimId = UUID.randomUUID();
            topics.send(topic, claimId.toString(), ruleBreaker.apply(claimId));
            written.add(new Written(topic, "valid Avro breaking a rule", claimId.toString()));
        });
        return written;
    }

    /** Waits until every record written is in its topic's dead-letter twin, and answers how many copies are there. */
    public static int assertAllDeadLettered(TopicProbe topics, List<Written> written) {
        int copies = 0;
        Map<String, List<Written>> byTopic = written.stream().collect(Collectors.groupingBy(Written::topic,
                LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<Written>> topic : byTopic.entrySet()) {
            Set<String> keys = topic.getValue().stream().map(Written::key).collect(Collectors.toSet());
            List<String> found = topics.readBytes(topic.getKey() + Topics.DEAD_LETTER_SUFFIX,
                            record -> keys.contains(record.key()), keys.size(), Duration.ofSeconds(3),
                            Duration.ofMinutes(3)).stream().map(record -> record.key()).toList();
            assertThat(found).as("dead letters of %s", topic.getKey()).containsAll(keys);
            copies += found.size();
        }
        return copies;
    }

    private static Map<String, java.util.function.Function<UUID, Object>> ruleBreakers() {
        Map<String, java.util.function.Function<UUID, Object>> breakers = new LinkedHashMap<>();
        breakers.put(Topics.CLAIMS_SUBMITTED, claimId -> ClaimSubmitted.newBuilder().setMetadata(metadata(claimId))
                .setClaim(claim(List.of())).build());
        breakers.put(Topics.CLAIMS_REVIEW, claimId -> ReviewRequested.newBuilder().setMetadata(metadata(claimId))
                .setClaim(claim(List.of("TEAMS"))).setSubmittedAt(now()).setTrigger(ReviewTrigger.SUBMITTED)
                .setReviewRound(0).setChecks(List.of()).setInformationExchanges(List.of()).build());
        breakers.put(Topics.CLAIMS_REVIEW_DECISIONS, claimId -> ReviewDecided.newBuilder()
                .setMetadata(metadata(claimId)).setDecision(ReviewDecision.REJECT).setReason(null).setMessage(null)
                .setValidator("poison").setReviewRequestId(UUID.randomUUID()).build());
        breakers.put(Topics.CLAIMS_OUTCOMES, claimId -> ClaimRejected.newBuilder().setMetadata(metadata(claimId))
                .setClaim(claim(List.of("TEAMS"))).setReasons(List.of()).setRejectedBy(null).build());
        breakers.put(Topics.ASSOCIATIONS_REQUESTS, claimId -> AssociationRequested.newBuilder()
                .setMetadata(metadata(claimId)).setRequestId(UUID.randomUUID()).setPartnerId("1000001")
                .setPartnerContact(partnerContact()).setClaimName("poison").setCustomer(customer())
                .setSolutionArea("MODERN_WORK_SECURITY").setProgram("OSU_M365").setWorkloads(List.of())
                .setDeclineUrl("http://localhost/decline/poison").build());
        breakers.put(Topics.ASSOCIATIONS_EVENTS, claimId -> AssociationActivated.newBuilder()
                .setMetadata(metadata(claimId)).setRequestId(UUID.randomUUID()).setTenantId(UUID.randomUUID())
                .setPartnerId("1000001").setPartnerContact(partnerContact()).setClaimName("poison")
                .setWorkloads(List.of()).setActivatedAt(now()).build());
        breakers.put(Topics.NOTIFICATIONS_CUSTOMER_NOTIFIED, claimId -> CustomerNotified.newBuilder()
                .setMetadata(metadata(claimId)).setRequestId(UUID.randomUUID()).setTenantId(UUID.randomUUID())
                .setPartnerId("1000001").setSentAt(now()).setDeclineBy(now().minus(1, ChronoUnit.DAYS))
                .setMessageId("<poison@cpor.example>").build());
        return breakers;
    }

    private static EventMetadata metadata(UUID claimId) {
        return EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(now()).setClaimId(claimId)
                .setCausationId(UUID.randomUUID()).build();
    }

    private static Claim claim(List<String> workloads) {
        return Claim.newBuilder().setPartnerId("1000001").setName("poison").setCustomer(customer())
                .setPartnerContact(partnerContact()).setSolutionArea("MODERN_WORK_SECURITY").setProgram("OSU_M365")
                .setPartnerRole("USAGE_RECOGNITION").setWorkloads(workloads).setSubscriptionId(null)
                .setProofOfExecution(null).build();
    }

    private static Customer customer() {
        return Customer.newBuilder().setTenantId(UUID.randomUUID()).setDomain("poison.sandbox.test").setLocale("en")
                .setContact(CustomerContact.newBuilder().setName("Poison").setTitle(null)
                        .setEmail("poison@poison.sandbox.test").build()).build();
    }

    private static PartnerContact partnerContact() {
        return PartnerContact.newBuilder().setName("Poison").setEmail("poison@partner.example").build();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
