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
import io.cpor.local.Endpoints;
import io.cpor.local.testing.HostileAvro;
import io.cpor.local.testing.TopicProbe;
import io.cpor.schemas.Topic;
import io.cpor.schemas.Topics;
import io.cpor.schemas.serde.HttpSchemaRegistryClient;
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

    /**
     * Records that lie about their lengths ({@link HostileAvro}: huge and negative lengths and counts at every
     * nesting level, records cut short), in the wire format with the topic's real schema id, and an honest record
     * of another topic's schema, on every input topic.
     */
    public static List<Written> writeHostileToEveryInputTopic(TopicProbe topics, Endpoints platform) {
        HttpSchemaRegistryClient registry = new HttpSchemaRegistryClient(platform.schemaRegistryUrl());
        List<Written> written = new ArrayList<>();
        for (String topicName : RULE_BREAKERS.keySet()) {
            Topic topic = Topic.named(topicName).orElseThrow();
            int id = registry.register(topic.valueSubject(), topic.valueSchema());
            List<Map.Entry<String, byte[]>> records = new ArrayList<>();
            for (HostileAvro.Body lie : representative(HostileAvro.lies(topic.valueSchema()))) {
                String key = "hostile-" + UUID.randomUUID();
                records.add(Map.entry(key, framed(id, lie.avro())));
                written.add(new Written(topicName, lie.lie(), key));
            }
            Topic other = topic == Topic.CLAIMS_SUBMITTED ? Topic.CLAIMS_OUTCOMES : Topic.CLAIMS_SUBMITTED;
            int otherId = registry.register(other.valueSubject(), other.valueSchema());
            String key = "foreign-schema-" + UUID.randomUUID();
            records.add(Map.entry(key, framed(otherId, HostileAvro.valid(other.valueSchema()))));
            written.add(new Written(topicName, "an honest record of " + other.topicName(), key));
            topics.sendAllBytes(topicName, records);
        }
        return written;
    }

    /**
     * Of every lie a schema allows (checked one by one in {@code HostileRecordsIntegrationTests}), one of each kind
     * at each nesting level of each kind of event: enough to prove the running consumers move on past all of them.
     */
    private static List<HostileAvro.Body> representative(List<HostileAvro.Body> lies) {
        Map<String, HostileAvro.Body> byKind = new LinkedHashMap<>();
        for (HostileAvro.Body lie : lies) {
            String event = lie.lie().contains(":") ? lie.lie().substring(0, lie.lie().indexOf(':')) : "";
            String kind = lie.lie().startsWith("cut short") || lie.lie().contains(": cut short") ? "cut"
                    : lie.lie().substring(lie.lie().lastIndexOf(' ') + 1);
            byKind.putIfAbsent(event + "/" + lie.depth() + "/" + kind, lie);
        }
        return List.copyOf(byKind.values());
    }

    private static byte[] framed(int schemaId, byte[] avro) {
        return ByteBuffer.allocate(5 + avro.length).put((byte) 0).putInt(schemaId).put(avro).array();
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
                .setPartnerRole("USE_OR_CONSUME").setWorkloads(workloads).setSubscriptionId(null)
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
