package io.cpor.validation.messaging;

import io.cpor.events.review.InformationReason;
import io.cpor.events.review.ReviewDecided;
import io.cpor.events.review.ReviewDecision;
import io.cpor.schemas.Topics;
import io.cpor.support.kafka.InvalidEventException;
import io.cpor.validation.domain.Decision;
import io.cpor.validation.domain.NotInReviewException;
import io.cpor.validation.domain.ReviewNotFoundException;
import io.cpor.validation.domain.Reviews;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Validator tools' decisions from {@code cpor.claims.review-decisions}, applied through the same code path as the
 * review API. A decision for a claim that is not in review (or for an earlier round, or of a kind this service does
 * not know) is logged and counted, not applied; one that breaks the contract (REJECT without a reason) is
 * dead-lettered.
 */
@Component
class DecisionsListener {

    private static final Logger log = LoggerFactory.getLogger(DecisionsListener.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Reviews reviews;
    private final MeterRegistry meters;

    DecisionsListener(Reviews reviews, MeterRegistry meters) {
        this.reviews = reviews;
        this.meters = meters;
    }

    @KafkaListener(id = "validation-decisions", topics = Topics.CLAIMS_REVIEW_DECISIONS)
    void on(ConsumerRecord<String, Object> record) {
        if (!(record.value() instanceof ReviewDecided decided)) {
            return;
        }
        if (decided.getDecision() == ReviewDecision.UNKNOWN) {
            notApplied(decided, "a decision of a kind this service does not know");
            return;
        }
        Decision decision = Decisions.of(decided);
        try {
            Reviews.Decided outcome = reviews.decide(decided.getMetadata().getClaimId(), decision, false)
                    .block(TIMEOUT);
            if (outcome != null && outcome.applied()) {
                meters.counter("cpor.validation.decisions", "kind", decision.kind().name(), "channel", "topic")
                        .increment();
            }
        }
        catch (NotInReviewException | ReviewNotFoundException e) {
            notApplied(decided, e.getMessage());
        }
    }

    private void notApplied(ReviewDecided decided, String why) {
        meters.counter("cpor.validation.decisions.not.applied").increment();
        log.warn("Decision {} for claim {} by {} not applied: {}", decided.getMetadata().getEventId(),
                decided.getMetadata().getClaimId(), decided.getValidator(), why);
    }

    /** The contract's decision as the domain's; a decision missing what its kind needs breaks the contract. */
    static final class Decisions {

        private Decisions() {
        }

        static Decision of(ReviewDecided decided) {
            Decision.Kind kind = Decision.Kind.valueOf(decided.getDecision().name());
            if (kind == Decision.Kind.REJECT && blank(decided.getReason())) {
                throw new InvalidEventException("A REJECT decision needs a reason");
            }
            if (kind == Decision.Kind.REQUEST_INFORMATION && blank(decided.getMessage())) {
                throw new InvalidEventException("A REQUEST_INFORMATION decision needs a message");
            }
            // A reason this service does not know (UNKNOWN to it) is not one it can show the partner.
            List<String> reasons = decided.getInformationReasons().stream()
                    .filter(reason -> reason != InformationReason.UNKNOWN).map(Enum::name).distinct().toList();
            return new Decision(decided.getMetadata().getEventId(), kind, decided.getReason(), decided.getMessage(),
                    reasons, decided.getValidator(), decided.getReviewRequestId(),
                    decided.getMetadata().getOccurredAt());
        }

        private static boolean blank(String text) {
            return text == null || text.isBlank();
        }
    }
}
