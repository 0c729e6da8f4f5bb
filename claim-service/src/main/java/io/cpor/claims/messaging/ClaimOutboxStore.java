package io.cpor.claims.messaging;

import io.cpor.claims.domain.Claim;
import io.cpor.claims.domain.ClaimStore;
import io.cpor.schemas.Topics;
import io.cpor.support.outbox.OutboxMessage;
import io.cpor.support.outbox.OutboxStore;
import io.cpor.support.outbox.PendingMessages;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Claims' stored events as the relay publishes them: on {@code cpor.claims.submitted}, keyed by claim id. */
@Component
class ClaimOutboxStore implements OutboxStore {

    private final ClaimStore store;

    ClaimOutboxStore(ClaimStore store) {
        this.store = store;
    }

    static PendingMessages pending(Claim claim) {
        String key = claim.id().toString();
        return new PendingMessages(claim.id(), claim.state().revision(), claim.state().pendingEvents().stream()
                .map(event -> new OutboxMessage(event.eventId(), event.occurredAt(), Topics.CLAIMS_SUBMITTED, key,
                        ClaimRecords.of(claim, event)))
                .toList());
    }

    @Override
    public Mono<PendingMessages> pending(UUID aggregateId) {
        return store.find(aggregateId).map(ClaimOutboxStore::pending);
    }

    @Override
    public Flux<PendingMessages> withPending() {
        return store.withPendingEvents().map(ClaimOutboxStore::pending);
    }

    @Override
    public Mono<Void> forget(java.util.Map<UUID, List<UUID>> eventIds) {
        return store.markPublished(eventIds);
    }
}
