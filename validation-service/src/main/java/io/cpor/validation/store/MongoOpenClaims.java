package io.cpor.validation.store;

import io.cpor.validation.domain.ClaimSnapshot;
import io.cpor.validation.domain.OpenClaims;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link OpenClaims} as one document per (partner, tenant, program, workload) whose {@code _id} is that key: the
 * unique id makes a second open claim for it fail to insert, however many are checked at once.
 */
@Repository
class MongoOpenClaims implements OpenClaims {

    private final ReactiveMongoTemplate mongo;

    MongoOpenClaims(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<List<String>> reserve(UUID claimId, ClaimSnapshot claim) {
        return Flux.fromIterable(claim.workloads())
                .concatMap(workload -> {
                    String key = String.join("|", claim.partnerId(), claim.tenantId().toString(), claim.program(),
                            workload);
                    return mongo.insert(new OpenClaim(key, claimId.toString()))
                            .then(Mono.<String>empty())
                            .onErrorResume(DuplicateKeyException.class, taken -> mongo.findById(key, OpenClaim.class)
                                    .filter(holder -> !holder.claimId().equals(claimId.toString()))
                                    .map(holder -> workload));
                })
                .collectList();
    }

    @Override
    public Mono<Void> release(UUID claimId) {
        return mongo.remove(Query.query(Criteria.where("claimId").is(claimId.toString())), OpenClaim.class).then();
    }

    /** A workload a partner's open claim holds for a tenant and program. */
    @Document("openClaims")
    record OpenClaim(@Id String key, String claimId) {
    }
}
