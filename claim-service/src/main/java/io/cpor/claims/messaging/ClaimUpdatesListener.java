package io.cpor.claims.messaging;

import io.cpor.claims.domain.Claims;
import io.cpor.schemas.Topics;
import io.cpor.support.kafka.AggregateLocks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Follows the review, outcome, association and notification topics and applies each event to its claim. The
 * offset is committed after the claim is stored; a redelivered event changes nothing (deduplicated by event id).
 */
@Component
class ClaimUpdatesListener {

    private static final Logger log = LoggerFactory.getLogger(ClaimUpdatesListener.class);
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

    private final Claims claims;
    /** A claim's events come on five topics: one consumer at a time applies them (see AggregateLocks). */
    private final AggregateLocks locks = new AggregateLocks(64);
    private final Counter unknownClaims;
    private final Counter unfollowed;

    ClaimUpdatesListener(Claims claims, MeterRegistry meters) {
        this.claims = claims;
        this.unknownClaims = Counter.builder("cpor.claims.events.unknown.claim")
                .description("Events about a claim this service does not hold").register(meters);
        this.unfollowed = Counter.builder("cpor.claims.events.unfollowed")
                .description("Events of a kind this service does not follow").register(meters);
    }

    @KafkaListener(id = "claim-updates", topics = {Topics.CLAIMS_REVIEW, Topics.CLAIMS_OUTCOMES,
        Topics.ASSOCIATIONS_REQUESTS, Topics.ASSOCIATIONS_EVENTS, Topics.NOTIFICATIONS_CUSTOMER_NOTIFIED})
    void on(ConsumerRecord<String, Object> record) {
        Optional<ClaimFacts.Addressed> addressed = ClaimFacts.from(record.value());
        if (addressed.isEmpty()) {
            unfollowed.increment();
            log.debug("Not following {} from {}", record.value() == null ? null : record.value().getClass(),
                    record.topic());
            return;
        }
        ClaimFacts.Addressed fact = addressed.get();
        if (locks.with(fact.claimId(), () -> claims.record(fact.claimId(), fact.fact())
                .blockOptional(STORE_TIMEOUT)).isEmpty()) {
            unknownClaims.increment();
            log.warn("{} from {} is about claim {}, which this service does not hold", fact.fact().getClass()
                    .getSimpleName(), record.topic(), fact.claimId());
        }
    }
}
