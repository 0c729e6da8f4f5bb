package io.cpor.associations.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpor.associations.Approvals;
import io.cpor.associations.AssociationServiceTest;
import io.cpor.associations.domain.Associations;
import io.cpor.associations.domain.Reservations;
import io.cpor.events.associations.AssociationRequested;
import io.cpor.schemas.Topics;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Requests hold their keys in their own documents, against the real wire server. */
class HeldKeysIntegrationTests extends AssociationServiceTest {

    @Autowired
    private ReactiveMongoTemplate mongo;

    @Autowired
    private Associations associations;

    @Autowired
    private LegacyReservations legacy;

    @Autowired
    private Reservations reservations;

    @Test
    void anApprovedRequestIsStoredHoldingItsKeysAndADeclineLetsGoOfThem() {
        UUID tenant = UUID.randomUUID();
        AssociationRequested requested = approve(Approvals.approved("1000001", tenant, "TEAMS", "EXCHANGE_ONLINE"));

        assertThat(keysOf(requested.getRequestId())).hasSize(2).allMatch(key -> key.contains(tenant.toString()));

        associations.decline(tokenOf(requested), clock.instant()).block(TIMEOUT);
        only(Topics.ASSOCIATIONS_EVENTS, requested.getMetadata().getClaimId());
        assertThat(stored(requested.getRequestId()).containsKey(MongoReservations.KEYS))
                .as("a request holding nothing has no keys field").isFalse();
    }

    @Test
    void aKeyLeftWithARequestThatNoLongerHoldsItIsTakenOver() {
        UUID tenant = UUID.randomUUID();
        AssociationRequested first = approve(Approvals.approved("1000001", tenant, "PURVIEW"));
        List<String> keys = keysOf(first.getRequestId());
        associations.decline(tokenOf(first), clock.instant()).block(TIMEOUT);
        only(Topics.ASSOCIATIONS_EVENTS, first.getMetadata().getClaimId());
        // As a crash between the decline and its release would leave it.
        mongo.updateFirst(byId(first.getRequestId()), new Update().set(MongoReservations.KEYS, keys),
                AssociationDocument.COLLECTION).block(TIMEOUT);

        AssociationRequested second = approve(Approvals.approved("1000002", tenant, "PURVIEW"));

        assertThat(second.getWorkloads()).containsExactly("PURVIEW");
        assertThat(keysOf(second.getRequestId())).isEqualTo(keys);
        assertThat(stored(first.getRequestId()).containsKey(MongoReservations.KEYS)).isFalse();
    }

    @Test
    void keysKeptApartByAnOlderStoreMoveIntoTheirRequests() {
        UUID tenant = UUID.randomUUID();
        AssociationRequested perKey = approve(Approvals.approved("1000001", tenant, "TEAMS"));
        AssociationRequested perRequest = approve(Approvals.approved("1000001", tenant, "INTUNE"));
        AssociationRequested declined = approve(Approvals.approved("1000001", tenant, "PURVIEW"));
        associations.decline(tokenOf(declined), clock.instant()).block(TIMEOUT);
        only(Topics.ASSOCIATIONS_EVENTS, declined.getMetadata().getClaimId());
        String teams = keysOf(perKey.getRequestId()).get(0);
        String intune = keysOf(perRequest.getRequestId()).get(0);
        String purview = teams.replace("TEAMS", "PURVIEW");
        // As an older release stored them: not in the requests, in collections of their own.
        for (AssociationRequested request : List.of(perKey, perRequest)) {
            mongo.updateFirst(byId(request.getRequestId()), new Update().unset(MongoReservations.KEYS),
                    AssociationDocument.COLLECTION).block(TIMEOUT);
        }
        mongo.insert(new Document("_id", teams).append("requestId", perKey.getRequestId().toString())
                .append("partnerId", "1000001"), "reservations").block(TIMEOUT);
        mongo.insert(new Document("_id", perRequest.getRequestId().toString()).append("keys", List.of(intune)),
                "holdings").block(TIMEOUT);
        mongo.insert(new Document("_id", declined.getRequestId().toString()).append("keys", List.of(purview)),
                "holdings").block(TIMEOUT);

        legacy.run(null);

        assertThat(keysOf(perKey.getRequestId())).containsExactly(teams);
        assertThat(keysOf(perRequest.getRequestId())).containsExactly(intune);
        assertThat(stored(declined.getRequestId()).containsKey(MongoReservations.KEYS))
                .as("a declined request holds nothing").isFalse();
        assertThat(mongo.collectionExists("reservations").block(TIMEOUT)).isFalse();
        assertThat(mongo.collectionExists("holdings").block(TIMEOUT)).isFalse();
        assertThat(reservations.holder(intune).block(TIMEOUT)).isEqualTo(new Reservations.Holder(
                perRequest.getRequestId(), "1000001"));
    }

    private List<String> keysOf(UUID requestId) {
        List<String> keys = stored(requestId).getList(MongoReservations.KEYS, String.class);
        assertThat(keys).isNotNull();
        return keys;
    }

    private Document stored(UUID requestId) {
        Document found = mongo.findOne(byId(requestId), Document.class, AssociationDocument.COLLECTION)
                .block(TIMEOUT);
        assertThat(found).isNotNull();
        return found;
    }

    private static Query byId(UUID requestId) {
        return Query.query(Criteria.where("_id").is(requestId.toString()));
    }
}
