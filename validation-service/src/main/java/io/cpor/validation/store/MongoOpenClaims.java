package io.cpor.validation.store;

import io.cpor.support.mongo.StoreIndex;
import io.cpor.validation.domain.ClaimSnapshot;
import io.cpor.validation.domain.OpenClaims;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link OpenClaims} as one document per open claim (its id), listing the keys it holds: (partner, tenant, program,
 * workload). A unique index over the keys makes a second open claim for any of them fail to store, however many are
 * checked at once; a claim's keys are stored, and released, in one write.
 */
@Repository
class MongoOpenClaims implements OpenClaims {

    static final String COLLECTION = "openClaimKeys";
    private static final String KEYS = "keys";
    /** Another claim may take a key between a refusal and the next try: a few tries settle it. */
    private static final int TRIES = 4;

    private final ReactiveMongoTemplate mongo;

    MongoOpenClaims(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A key is held by one open claim at most. */
    @Bean
    static StoreIndex openKeysIndex() {
        return new StoreIndex(OpenClaim.class, new Index(KEYS, Sort.Direction.ASC).named("open_keys").unique());
    }

    @Override
    public Mono<List<String>> reserve(UUID claimId, ClaimSnapshot claim) {
        Map<String, String> workloads = new LinkedHashMap<>();
        claim.workloads().forEach(workload -> workloads.put(key(claim, workload), workload));
        return hold(claimId, workloads, List.of(), TRIES);
    }

    static String key(ClaimSnapshot claim, String workload) {
        return String.join("|", claim.partnerId(), claim.tenantId().toString(), claim.program(), workload);
    }

    /** Holds every key no other claim holds (in one write), and answers the workloads of those others hold. */
    private Mono<List<String>> hold(UUID claimId, Map<String, String> workloads, List<String> heldByOthers,
            int tries) {
        List<String> free = workloads.entrySet().stream().filter(entry -> !heldByOthers.contains(entry.getValue()))
                .map(Map.Entry::getKey).toList();
        Mono<?> write = free.isEmpty() ? mongo.remove(byId(claimId), OpenClaim.class)
                : mongo.upsert(byId(claimId), new Update().set(KEYS, free), OpenClaim.class);
        return write.thenReturn(heldByOthers)
                .onErrorResume(DuplicateKeyException.class, taken -> tries <= 1 ? Mono.error(taken)
                        : heldByOthers(claimId, workloads).flatMap(held -> hold(claimId, workloads, held,
                                tries - 1)));
    }

    private Mono<List<String>> heldByOthers(UUID claimId, Map<String, String> workloads) {
        return Flux.fromIterable(workloads.entrySet())
                .concatMap(entry -> mongo.findOne(Query.query(Criteria.where(KEYS).is(entry.getKey())),
                                OpenClaim.class)
                        .filter(holder -> !holder.claimId().equals(claimId.toString()))
                        .map(holder -> entry.getValue()))
                .collectList();
    }

    @Override
    public Mono<Void> release(UUID claimId) {
        return mongo.remove(byId(claimId), OpenClaim.class).then();
    }

    private static Query byId(UUID claimId) {
        return Query.query(Criteria.where("_id").is(claimId.toString()));
    }

    /** The keys an open claim holds. */
    @Document(COLLECTION)
    record OpenClaim(@Id String claimId, List<String> keys) {
    }
}
