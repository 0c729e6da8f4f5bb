package io.cpor.claims.messaging;

import static io.cpor.claims.ClaimJson.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.cpor.claims.ClaimJson;
import io.cpor.claims.PlatformBackedTest;
import io.cpor.events.claims.ClaimSubmitted;
import io.cpor.local.testing.SharedPlatform;
import io.cpor.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The API keeps accepting claims while the broker is down; their events go out, once each, when it returns. */
class BrokerOutageIntegrationTests extends PlatformBackedTest {

    private static final int CLAIMS = 10;

    @Test
    void acceptsClaimsWhileTheBrokerIsDownAndPublishesEachOnceItIsBack() {
        UUID tenant = UUID.randomUUID();
        List<String> claimIds = new ArrayList<>();
        SharedPlatform.stopKafka();
        try {
            for (int i = 0; i < CLAIMS; i++) {
                byte[] answer = web.post().uri("/api/v1/claims")
                        .headers(h -> h.setBearerAuth(token("demo-partner-1")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(ClaimJson.valid("1000001", tenant, "outage.sandbox.test").toString())
                        .exchange().expectStatus().isAccepted().expectBody().returnResult().getResponseBody();
                claimIds.add(JSON.readTree(answer).get("claimId").asText());
            }
        }
        finally {
            SharedPlatform.startKafka();
        }

        Set<String> ids = Set.copyOf(claimIds);
        List<ConsumerRecord<String, Object>> published = topics().read(Topics.CLAIMS_SUBMITTED,
                record -> ids.contains(record.key()), CLAIMS, Duration.ofSeconds(3), Duration.ofSeconds(120));
        Map<String, Long> perClaim = published.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                Collectors.counting()));
        assertThat(perClaim).hasSize(CLAIMS).allSatisfy((claimId, count) -> assertThat(count).as(claimId).isOne());
        assertThat(published).extracting(ConsumerRecord::value).allMatch(ClaimSubmitted.class::isInstance);
        assertThat(published.stream().map(record -> ((ClaimSubmitted) record.value()).getMetadata().getClaimId()
                .toString())).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(published.stream().collect(Collectors.toMap(ConsumerRecord::key, Function.identity())))
                .hasSize(CLAIMS);
    }
}
