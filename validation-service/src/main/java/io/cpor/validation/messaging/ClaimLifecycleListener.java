package io.cpor.validation.messaging;

import io.cpor.events.associations.AssociationContested;
import io.cpor.events.associations.AssociationDeclined;
import io.cpor.events.associations.AssociationDisassociated;
import io.cpor.events.associations.AssociationRemoved;
import io.cpor.events.associations.AssociationUncontested;
import io.cpor.events.claims.ClaimAmended;
import io.cpor.events.claims.ClaimDisputed;
import io.cpor.events.claims.ClaimInformationProvided;
import io.cpor.events.claims.ClaimSubmitted;
import io.cpor.events.claims.ClaimWithdrawn;
import io.cpor.schemas.Topics;
import io.cpor.support.kafka.InvalidEventException;
import io.cpor.validation.domain.CheckResult;
import io.cpor.validation.domain.ClaimChange;
import io.cpor.validation.domain.RefusedChangeException;
import io.cpor.validation.domain.Review;
import io.cpor.validation.domain.ReviewNotFoundException;
import io.cpor.validation.domain.Reviews;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Follows a claim's life: checks it when submitted, checks it again when the partner changes it, puts it back in
 * review when the partner answers or disputes its rejection, takes it out of review when withdrawn, and stops
 * counting it as open once the customer declined or removed it.
 */
@Component
class ClaimLifecycleListener {

    private static final Logger log = LoggerFactory.getLogger(ClaimLifecycleListener.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Reviews reviews;
    private final MeterRegistry meters;

    ClaimLifecycleListener(Reviews reviews, MeterRegistry meters) {
        this.reviews = reviews;
        this.meters = meters;
    }

    @KafkaListener(id = "validation-claims", topics = {Topics.CLAIMS_SUBMITTED, Topics.ASSOCIATIONS_EVENTS})
    void on(ConsumerRecord<String, Object> record) {
        Object event = record.value();
        if (event instanceof ClaimSubmitted submitted) {
            checked(reviews.onSubmitted(submitted.getMetadata().getClaimId(), submitted.getMetadata().getEventId(),
                    submitted.getMetadata().getOccurredAt(), valid(submitted.getMetadata().getEventId(),
                            submitted.getClaim())).block(TIMEOUT));
        }
        else if (event instanceof ClaimInformationProvided provided) {
            known(() -> reviews.onInformationProvided(provided.getMetadata().getClaimId(),
                    provided.getMetadata().getEventId(), provided.getMetadata().getOccurredAt(),
                    provided.getMessage(), provided.getDocuments().stream().map(ClaimSnapshots::document).toList())
                    .block(TIMEOUT));
        }
        else if (event instanceof ClaimAmended amended) {
            known(() -> reviews.onAmended(amended.getMetadata().getClaimId(), amended.getMetadata().getEventId(),
                    amended.getMetadata().getOccurredAt(), valid(amended.getMetadata().getEventId(),
                            amended.getClaim()), amended.getChanges().stream().map(change -> new ClaimChange(
                            change.getField(), change.getBefore(), change.getAfter())).toList()).block(TIMEOUT));
        }
        else if (event instanceof ClaimDisputed disputed) {
            known(() -> reviews.onDisputed(disputed.getMetadata().getClaimId(), disputed.getMetadata().getEventId(),
                    disputed.getMetadata().getOccurredAt(), disputed.getJustification(),
                    disputed.getDocuments().stream().map(ClaimSnapshots::document).toList()).block(TIMEOUT));
        }
        else if (event instanceof ClaimWithdrawn withdrawn) {
            known(() -> reviews.onWithdrawn(withdrawn.getMetadata().getClaimId(),
                    withdrawn.getMetadata().getEventId(), withdrawn.getMetadata().getOccurredAt()).block(TIMEOUT));
        }
        else if (event instanceof AssociationDeclined declined) {
            reviews.onClaimClosed(declined.getMetadata().getClaimId()).block(TIMEOUT);
        }
        else if (event instanceof AssociationRemoved removed) {
            reviews.onClaimClosed(removed.getMetadata().getClaimId()).block(TIMEOUT);
        }
        else if (event instanceof AssociationContested contested) {
            Map<UUID, List<String>> byHolder = new LinkedHashMap<>();
            contested.getContested().forEach(workload -> byHolder.computeIfAbsent(workload.getHolderClaimId(),
                    holder -> new ArrayList<>()).add(workload.getWorkload()));
            if (byHolder.isEmpty()) {
                throw new InvalidEventException("AssociationContested " + contested.getMetadata().getEventId()
                        + " names no contested workload");
            }
            known(() -> reviews.onContested(contested.getMetadata().getClaimId(),
                    contested.getMetadata().getEventId(), contested.getMetadata().getOccurredAt(), byHolder)
                    .block(TIMEOUT));
        }
        else if (event instanceof AssociationUncontested uncontested) {
            known(() -> reviews.onUncontested(uncontested.getMetadata().getClaimId(),
                    uncontested.getMetadata().getEventId(), uncontested.getMetadata().getOccurredAt())
                    .block(TIMEOUT));
        }
        else if (event instanceof AssociationDisassociated ended) {
            // The partner ended it: the workloads are free, so another claim for them is no duplicate.
            reviews.onClaimClosed(ended.getMetadata().getClaimId()).block(TIMEOUT);
        }
    }

    /** The claim an event carries, refused (to the dead-letter topic) when it names no workload, partner or domain. */
    private static io.cpor.validation.domain.ClaimSnapshot valid(java.util.UUID eventId,
            io.cpor.events.claims.Claim claim) {
        if (claim.getWorkloads().isEmpty() || claim.getPartnerId().isBlank() || claim.getCustomer().getDomain()
                .isBlank()) {
            throw new InvalidEventException("Event " + eventId + " carries a claim that names no workload, partner "
                    + "or domain");
        }
        return ClaimSnapshots.of(claim);
    }

    private void checked(Review review) {
        if (review == null || review.newEvents().isEmpty() || review.state().decidedBy() != null) {
            return;
        }
        for (CheckResult check : review.state().rejectionReasons()) {
            meters.counter("cpor.validation.automated.rejections", "reason", check.code()).increment();
        }
    }

    private void known(Runnable step) {
        try {
            step.run();
        }
        catch (ReviewNotFoundException e) {
            meters.counter("cpor.validation.events.unknown.claim").increment();
            log.warn("{}; the event is skipped", e.getMessage());
        }
        catch (RefusedChangeException e) {
            throw new InvalidEventException(e.getMessage());
        }
    }
}
