package io.cpor.claims.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The draft use cases: a partner starts a claim without all of it, edits it, and submits it, when it becomes a claim
 * with the draft's id and goes to review. A draft lives for a configured time after its last edit; an expired one is
 * not found, and the partner's expired drafts are forgotten when it starts another.
 */
public class Drafts {

    private final DraftStore store;
    private final Claims claims;
    private final Duration lifetime;
    private final Clock clock;

    public Drafts(DraftStore store, Claims claims, Duration lifetime, Clock clock) {
        this.store = store;
        this.claims = claims;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public Mono<Draft> create(String partnerId, String content) {
        Instant now = now();
        Draft draft = new Draft(UUID.randomUUID(), partnerId, content, now, now, now.plus(lifetime), 0);
        return store.purgeExpired(partnerId, now).then(store.insert(draft));
    }

    /** The caller's draft; another partner's, or an expired one, is not found. */
    public Mono<Draft> get(String partnerId, UUID draftId) {
        Instant now = now();
        return store.find(draftId)
                .filter(draft -> draft.belongsTo(partnerId) && !draft.expiredAt(now))
                .switchIfEmpty(Mono.error(() -> new ClaimNotFoundException(draftId)));
    }

    public Flux<Draft> list(String partnerId) {
        return store.list(partnerId, now());
    }

    /** Changes the draft's content; a concurrent change in between is refused, not lost. */
    public Mono<Draft> edit(String partnerId, UUID draftId, UnaryOperator<String> change) {
        return get(partnerId, draftId).flatMap(draft -> {
            Instant now = now();
            return store.update(draft.edited(change.apply(draft.content()), now, now.plus(lifetime)))
                    .switchIfEmpty(Mono.error(() -> new ClaimStateException("The draft changed while being edited; "
                            + "read it again")));
        });
    }

    public Mono<Void> discard(String partnerId, UUID draftId) {
        return get(partnerId, draftId).flatMap(draft -> store.delete(draft.id()));
    }

    /**
     * Submits the draft: its content, completed and checked by {@code complete}, becomes the claim with the draft's
     * id, stored with its {@code ClaimSubmitted} event; then the draft goes. A submit repeated after the claim was
     * stored finds that claim.
     */
    public Mono<Claim> submit(String partnerId, UUID draftId, Function<String, ClaimDetails> complete) {
        return claims.find(partnerId, draftId)
                .switchIfEmpty(Mono.defer(() -> get(partnerId, draftId)
                        .flatMap(draft -> claims.submit(draft.id(), complete.apply(draft.content()),
                                UUID.randomUUID()))))
                .flatMap(claim -> store.delete(draftId).thenReturn(claim));
    }
}
