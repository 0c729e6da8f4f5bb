package io.cpor.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cpor.e2e.support.Actors;
import io.cpor.e2e.support.ClaimSpec;
import io.cpor.e2e.support.Http;
import io.cpor.e2e.support.Stack;
import io.cpor.events.EventMetadata;
import io.cpor.events.notifications.CustomerNotified;
import io.cpor.events.outcomes.ClaimApproved;
import io.cpor.local.kafka.KafkaAccess;
import io.cpor.local.testing.TopicProbe;
import io.cpor.schemas.Topics;
import io.cpor.schemas.serde.AvroSerdeConfig;
import io.cpor.schemas.serde.AvroSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The stack as someone who should not get their way tries it: a partner naming its own address as the customer's or
 * a famous name as its own, another application's tokens, producers without a principal or with a validator's, a
 * forged notification that would cut the customer's window short, a burst of POSTs, operations on the API port.
 */
@Isolated
class SecurityIntegrationTests {

    private final Stack stack = Stack.shared();
    private final Actors actors = new Actors(stack);
    private final Actors.Partner partner = actors.partner("demo-partner-1");
    private final Actors.Validator validator = actors.validator();

    @Test
    void aClaimWhoseCustomerContactIsNotOfTheTenantIsRejectedAndThatAddressGetsNoMail() {
        ClaimSpec spec = ClaimSpec.fresh("1000001", "consent").customerEmail("me@partner-one.example");

        UUID claimId = partner.submit(spec);

        JsonNode rejected = partner.awaitStatus(claimId, "REJECTED");
        assertThat(rejected.toString()).contains("CUSTOMER_CONTACT_OUTSIDE_TENANT");
        assertThat(actors.mails("me@partner-one.example")).isEmpty();
    }

    @Test
    void theCustomerIsToldWhoAsksAsPartnerCenterRegisteredItNotAsTheClaimSays() {
        ClaimSpec spec = ClaimSpec.fresh("1000001", "spoofed");
        Map<String, Object> body = spec.body();
        body.put("partnerContact", Map.of("name", "Microsoft Security Team", "email", spec.partnerEmail()));
        Http.Answer accepted = Http.post(stack.url(8080) + "/api/v1/claims", stack.token("demo-partner-1"), body);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        UUID claimId = UUID.fromString(accepted.json().path("claimId").asText());

        validator.approve(claimId);

        var mail = actors.awaitMail(spec.customerEmail(), m -> true).get(0);
        assertThat(mail.subject()).startsWith("Litware Consulting Ltd (PartnerID 1000001) asks");
        assertThat(mail.subject() + mail.text() + mail.html()).doesNotContain("Microsoft Security Team");
    }

    @Test
    void aTokenForAnotherApplicationIsRefusedOnEveryApi() {
        String other = stack.token("demo-other-app");

        assertThat(Http.get(stack.url(8080) + "/api/v1/claims", other).status()).isEqualTo(401);
        assertThat(Http.get(stack.url(8082) + "/api/v1/reviews", other).status()).isEqualTo(401);
        assertThat(Http.get(stack.url(8084) + "/api/v1/associations", other).status()).isEqualTo(401);
    }

    @Test
    void theBrokerRefusesAProducerWithoutAPrincipalAndAValidatorWritingAnApproval() {
        ClaimApproved forged = ClaimApproved.newBuilder().setMetadata(metadata(UUID.randomUUID()))
                .setClaim(ClaimSpec.fresh("1000001", "forged").claim()).setApprovedBy("nobody").build();
        Map<String, Object> anonymous = new HashMap<>(stack.endpoints().kafkaBootstrapSettings());
        anonymous.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);

        assertThatThrownBy(() -> send(anonymous, Topics.CLAIMS_OUTCOMES, forged))
                .hasMessageContaining("not present in metadata");
        assertThatThrownBy(() -> send(stack.endpoints().kafkaClientSettings(KafkaAccess.VALIDATOR),
                Topics.CLAIMS_OUTCOMES, forged)).hasRootCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aForgedNotificationThatWouldCutTheCustomersWindowShortIsDeadLettered() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID tenant = UUID.randomUUID();
        CustomerNotified forged = CustomerNotified.newBuilder().setMetadata(metadata(UUID.randomUUID()))
                .setRequestId(UUID.randomUUID()).setTenantId(tenant).setPartnerId("1000001").setSentAt(now)
                .setDeclineBy(now.plusSeconds(1)).setMessageId("<forged@notifications.cpor>").build();
        TopicProbe operator = new TopicProbe(stack.endpoints());

        operator.send(Topics.NOTIFICATIONS_CUSTOMER_NOTIFIED, tenant.toString(), forged);

        var dead = operator.readBytes(Topics.NOTIFICATIONS_CUSTOMER_NOTIFIED + Topics.DEAD_LETTER_SUFFIX,
                record -> tenant.toString().equals(record.key()), 1, Duration.ZERO, Actors.PATIENCE);
        assertThat(dead).extracting(record -> new String(record.headers().lastHeader(
                "kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                .anyMatch(message -> message.contains("earlier than the decline window"));
    }

    @Test
    void aBurstOfPostsFromOnePartnerIsAnswered429WithRetryAfter() {
        String token = stack.token("demo-partner-3");
        Http.Answer last = null;
        for (int i = 0; i < 400 && (last == null || last.status() != 429); i++) {
            last = Http.post(stack.url(8080) + "/api/v1/claims", token, Map.of());
        }

        assertThat(last.status()).isEqualTo(429);
        assertThat(last.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Integer.parseInt(last.header("Retry-After"))).isBetween(1, 60);
        assertThat(last.json().path("detail").asText()).contains("changes per partner");
    }

    @Test
    void operationsAnswerOnTheManagementPortOnlyAndShowDetailsToOperatorsOnly() {
        assertThat(Http.get(stack.url(8080) + "/actuator/health", null).status()).isEqualTo(404);
        assertThat(Http.get(stack.url(8080) + "/actuator/prometheus", null).status()).isEqualTo(404);

        Http.Answer anyone = Http.get(stack.managementUrl(8080) + "/actuator/health", null);
        Http.Answer operator = Http.get(stack.managementUrl(8080) + "/actuator/health",
                stack.token("demo-operator"));

        assertThat(anyone.status()).isEqualTo(200);
        assertThat(anyone.json().path("components").path("kafka").path("status").asText()).isEqualTo("UP");
        assertThat(anyone.json().path("components").path("kafka").has("details")).isFalse();
        assertThat(operator.json().path("components").path("kafka").path("details").path("clusterId").asText())
                .isNotBlank();
    }

    private static void send(Map<String, Object> settings, String topic, Object event) throws Exception {
        Map<String, Object> producer = new HashMap<>(settings);
        producer.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        producer.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, Stack.shared().endpoints().schemaRegistryUrl());
        AvroSerializer serializer = new AvroSerializer();
        serializer.configure(producer, false);
        try (KafkaProducer<String, Object> client = new KafkaProducer<>(producer, new StringSerializer(),
                serializer)) {
            client.send(new ProducerRecord<>(topic, "forged", event)).get();
        }
        catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static EventMetadata metadata(UUID claimId) {
        return EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setClaimId(claimId)
                .setCausationId(UUID.randomUUID()).setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build();
    }
}
