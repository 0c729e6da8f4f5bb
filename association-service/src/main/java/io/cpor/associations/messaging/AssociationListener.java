package io.cpor.associations.messaging;

import io.cpor.associations.domain.Associations;
import io.cpor.events.claims.ClaimWithdrawn;
import io.cpor.events.notifications.CustomerNotified;
import io.cpor.events.outcomes.ArbitrationDecided;
import io.cpor.events.outcomes.ArbitrationOutcome;
import io.cpor.events.outcomes.ClaimApproved;
import io.cpor.schemas.Topics;
import io.cpor.support.kafka.InvalidEventException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Approvals reserve and ask, notifications start the decline window, withdrawals release. Each effect is stored
 * before the offset is committed; a redelivered event finds it done. Other events of these topics are not ours.
 */
@Component
class AssociationListener {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Associations associations;
    private final NotificationRules notificationRules;
    private final MeterRegistry meters;

    AssociationListener(Associations associations, NotificationRules notificationRules, MeterRegistry meters) {
        this.associations = associations;
        this.notificationRules = notificationRules;
        this.meters = meters;
    }

    static final String ID = "associations";

    @KafkaListener(id = ID, topics = {Topics.CLAIMS_OUTCOMES, Topics.NOTIFICATIONS_CUSTOMER_NOTIFIED,
        Topics.CLAIMS_SUBMITTED})
    void on(ConsumerRecord<String, Object> record) {
        Object event = record.value();
        if (event instanceof ClaimApproved approved) {
            if (approved.getClaim().getWorkloads().isEmpty()) {
                throw new InvalidEventException("ClaimApproved names no workload");
            }
            associations.approve(AssociationRecords.approved(approved))
                    .doOnNext(request -> meters.counter("cpor.associations.requests", "status",
                            request.status().name()).increment())
                    .block(TIMEOUT);
        }
        else if (event instanceof CustomerNotified notified) {
            notificationRules.check(notified);
            associations.customerNotified(notified.getRequestId(), notified.getMetadata().getEventId(),
                    notified.getSentAt(), notified.getDeclineBy()).block(TIMEOUT);
        }
        else if (event instanceof ArbitrationDecided decided) {
            if (decided.getOutcome() == ArbitrationOutcome.UNKNOWN) {
                throw new InvalidEventException("ArbitrationDecided " + decided.getMetadata().getEventId()
                        + " has an outcome this service does not know");
            }
            associations.arbitrated(decided.getMetadata().getClaimId(), decided.getMetadata().getEventId(),
                    decided.getOutcome() == ArbitrationOutcome.AWARD_TO_CLAIMANT).block(TIMEOUT);
        }
        else if (event instanceof ClaimWithdrawn withdrawn) {
            associations.withdraw(withdrawn.getMetadata().getClaimId(), withdrawn.getMetadata().getOccurredAt())
                    .block(TIMEOUT);
        }
    }
}
