package io.cpor.validation.store;

import io.cpor.support.mongo.StoreIndex;
import io.cpor.validation.domain.ClaimSnapshot;
import io.cpor.validation.domain.OpenClaims;
import io.cpor.validation.domain.ReviewStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link OpenClaims} in the reviews themselves: a review lists the keys its claim holds, (partner, tenant, program,
 * workload), in {@value #KEYS}, and a unique index over them makes a second open claim for any of them fail to
 * store, however many are checked at once. A review without the field holds nothing (the index is sparse, and the
 * field is removed rather than emptied).
 */
@Repository
class MongoOpenClaims implements OpenClaims {

    static final String KEYS = "openKeys";
    /** Another claim may take a key between a refusal and the next try: a few tries settle it. */
    private static final int TRIES = 4;

    private final ReactiveMongoTemplate mongo;

    MongoOpenClaims(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A key is held by one open claim at most. */
    @Bean
    static StoreIndex openKeysIndex() {
        return new StoreIndex(ReviewDocument.class, new Index(KEYS, Sort.Direction.ASC).named("open_keys").unique()
                .sparse());
    }

    /** The keys a review stored now holds: all of its claim's, unless it is rejected (then none). */
    static List<String> keysHeldAtInsert(ReviewDocument review) {
        return ReviewStatus.REJECTED.name().equals(review.status()) ? List.of()
                : keys(review.claim().partnerId(), review.claim().tenantId(), review.claim().program(),
                        review.claim().workloads()).keySet().stream().toList();
    }

    /** The update that lets go of a review's keys. */
    static Update released(Update update) {
        return update.unset(KEYS);
    }

    @Override
    public Mono<List<String>> heldByOthers(UUID claimId, ClaimSnapshot claim) {
        return heldByOthers(claimId, keys(claim));
    }

    @Override
    public Mono<List<String>> reserve(UUID claimId, ClaimSnapshot claim) {
        return hold(claimId, keys(claim), List.of(), TRIES);
    }

    private static Map<String, String> keys(ClaimSnapshot claim) {
        return keys(claim.partnerId(), claim.tenantId().toString(), claim.program(), claim.workloads());
    }

    /** Each workload's key, in the claim's order. */
    private static Map<String, String> keys(String partnerId, String tenantId, String program,
            List<String> workloads) {
        Map<String, String> keys = new LinkedHashMap<>();
        workloads.forEach(workload -> keys.put(String.join("|", partnerId, tenantId, program, workload), workload));
        return keys;
    }

    /** Holds every key no other claim holds (in one write), and answers the workloads of those others hold. */
    private Mono<List<String>> hold(UUID claimId, Map<String, String> workloads, List<String> heldByOthers,
            int tries) {
        List<String> free = workloads.entrySet().stream().filter(entry -> !heldByOthers.contains(entry.getValue()))
                .map(Map.Entry::getKey).toList();
        Update update = free.isEmpty() ? released(new Update()) : new Update().set(KEYS, free);
        return mongo.updateFirst(byId(claimId), update, ReviewDocument.class).thenReturn(heldByOthers)
                .onErrorResume(DuplicateKeyException.class, taken -> tries <= 1 ? Mono.error(taken)
                        : heldByOthers(claimId, workloads).flatMap(held -> hold(claimId, workloads, held,
                                tries - 1)));
    }

    private Mono<List<String>> heldByOthers(UUID claimId, Map<String, String> workloads) {
        return Flux.fromIterable(workloads.entrySet())
                .concatMap(entry -> {
                    Query holder = Query.query(Criteria.where(KEYS).is(entry.getKey()));
                    holder.fields().include("_id");
                    return mongo.findOne(holder, Document.class, ReviewDocument.COLLECTION)
                            .filter(found -> !claimId.toString().equals(found.get("_id")))
                            .map(found -> entry.getValue());
                })
                .collectList();
    }

    @Override
    public Mono<Void> release(UUID claimId) {
        return mongo.updateFirst(byId(claimId), released(new Update()), ReviewDocument.class).then();
    }

    private static Query byId(UUID claimId) {
        return Query.query(Criteria.where("_id").is(claimId.toString()));
    }
}
