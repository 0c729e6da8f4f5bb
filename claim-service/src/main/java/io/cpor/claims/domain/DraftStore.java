package io.cpor.claims.domain;

import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where drafts are kept, apart from claims: nothing reads them but their partner. */
public interface DraftStore {

    Mono<Draft> insert(Draft draft);

    Mono<Draft> find(UUID draftId);

    /** Stores the changed draft if nobody changed it since it was read; empty if somebody did. */
    Mono<Draft> update(Draft changed);

    Mono<Void> delete(UUID draftId);

    /** The partner's drafts not expired at {@code now}, most recently edited first. */
    Flux<Draft> list(String partnerId, Instant now);

    /** Forgets the partner's drafts that expired before {@code now}. */
    Mono<Void> purgeExpired(String partnerId, Instant now);
}
