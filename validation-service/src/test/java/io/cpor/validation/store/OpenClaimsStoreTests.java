package io.cpor.validation.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cpor.validation.PlatformBackedTest;
import io.cpor.validation.domain.CheckResult;
import io.cpor.validation.domain.ClaimSnapshot;
import io.cpor.validation.domain.OpenClaims;
import io.cpor.validation.domain.Review;
import io.cpor.validation.domain.ReviewStatus;
import io.cpor.validation.domain.ReviewStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Reviews hold their claims' open workloads themselves, against the real wire server. */
class OpenClaimsStoreTests extends PlatformBackedTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Autowired
    ReviewStore reviews;

    @Autowired
    OpenClaims openClaims;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    LegacyOpenClaims legacy;

    @Test
    void aSecondReviewHoldingTheSameWorkloadIsNotStored() {
        UUID tenant = UUID.randomUUID();
        Review first = review(tenant, "TEAMS", "EXCHANGE_ONLINE");
        Review second = review(tenant, "EXCHANGE_ONLINE");

        reviews.insert(first).block(TIMEOUT);

        assertThatThrownBy(() -> reviews.insert(second).block(TIMEOUT)).isInstanceOf(OpenClaims.Held.class);
        assertThat(reviews.find(second.claimId()).blockOptional(TIMEOUT)).isEmpty();
        assertThat(openClaims.heldByOthers(second.claimId(), second.state().claim()).block(TIMEOUT))
                .containsExactly("EXCHANGE_ONLINE");
        assertThat(reviews.insert(first).blockOptional(TIMEOUT)).as("the same review delivered twice").isEmpty();
    }

    @Test
    void aRejectedReviewHoldsNothingAndARejectionLetsGoInTheSameWrite() {
        UUID tenant = UUID.randomUUID();
        Review open = review(tenant, "TEAMS");
        Review rejected = Review.checked(UUID.randomUUID(), open.state().claim(), UUID.randomUUID(), now(),
                List.of(CheckResult.fail("TENANT_DOMAIN_MISMATCH", "not the tenant's domain")), now());
        assertThat(rejected.status()).isEqualTo(ReviewStatus.REJECTED);

        reviews.insert(rejected).block(TIMEOUT);
        reviews.insert(open).block(TIMEOUT);
        assertThat(keysOf(rejected.claimId())).isNull();
        assertThat(keysOf(open.claimId())).hasSize(1);

        Review withdrawn = reviews.update(open.withdrawn(UUID.randomUUID(), now())).block(TIMEOUT);
        assertThat(withdrawn.status()).isEqualTo(ReviewStatus.WITHDRAWN);
        assertThat(keysOf(open.claimId())).isNull();
        Review again = review(tenant, "TEAMS");
        assertThat(reviews.insert(again).block(TIMEOUT)).isNotNull();
    }

    @Test
    void reservingAgainHoldsOnlyWhatNoOtherOpenClaimHolds() {
        UUID tenant = UUID.randomUUID();
        Review holder = review(tenant, "TEAMS");
        reviews.insert(holder).block(TIMEOUT);
        Review other = review(tenant, "SHAREPOINT_ONLINE");
        reviews.insert(other).block(TIMEOUT);

        ClaimSnapshot wider = claim(tenant, "SHAREPOINT_ONLINE", "TEAMS");
        assertThat(openClaims.reserve(other.claimId(), wider).block(TIMEOUT)).containsExactly("TEAMS");
        assertThat(keysOf(other.claimId())).singleElement().asString().endsWith("|SHAREPOINT_ONLINE");

        openClaims.release(holder.claimId()).block(TIMEOUT);
        assertThat(openClaims.reserve(other.claimId(), wider).block(TIMEOUT)).isEmpty();
        assertThat(keysOf(other.claimId())).hasSize(2);
    }

    @Test
    void keysKeptApartByAnOlderStoreMoveIntoTheirReviews() {
        UUID tenant = UUID.randomUUID();
        Review perKey = review(tenant, "TEAMS");
        Review perClaim = review(tenant, "EXCHANGE_ONLINE");
        Review rejected = Review.checked(UUID.randomUUID(), claim(tenant, "SHAREPOINT_ONLINE"), UUID.randomUUID(),
                now(), List.of(CheckResult.fail("TENANT_DOMAIN_MISMATCH", "not the tenant's domain")), now());
        for (Review review : List.of(perKey, perClaim, rejected)) {
            mongo.insert(ReviewDocuments.toDocument(review)).block(TIMEOUT);
        }
        String teams = key(tenant, "TEAMS");
        mongo.insert(new Document("_id", teams).append("claimId", perKey.claimId().toString()), "openClaims")
                .block(TIMEOUT);
        mongo.insert(new Document("_id", UUID.randomUUID().toString()).append("keys",
                List.of(key(tenant, "EXCHANGE_ONLINE"))), "openClaimKeys").block(TIMEOUT);
        mongo.insert(new Document("_id", perClaim.claimId().toString()).append("keys",
                List.of(key(tenant, "EXCHANGE_ONLINE"), key(tenant, "INTUNE"))), "openClaimKeys").block(TIMEOUT);
        mongo.insert(new Document("_id", rejected.claimId().toString()).append("keys",
                List.of(key(tenant, "SHAREPOINT_ONLINE"))), "openClaimKeys").block(TIMEOUT);

        legacy.run(null);

        assertThat(keysOf(perKey.claimId())).containsExactly(teams);
        assertThat(keysOf(perClaim.claimId())).containsExactly(key(tenant, "EXCHANGE_ONLINE"),
                key(tenant, "INTUNE"));
        assertThat(keysOf(rejected.claimId())).as("a rejected review holds nothing").isNull();
        assertThat(mongo.collectionExists("openClaims").block(TIMEOUT)).isFalse();
        assertThat(mongo.collectionExists("openClaimKeys").block(TIMEOUT)).isFalse();
        assertThatThrownBy(() -> reviews.insert(review(tenant, "INTUNE")).block(TIMEOUT))
                .isInstanceOf(OpenClaims.Held.class);
    }

    private List<String> keysOf(UUID claimId) {
        Document stored = mongo.findById(claimId.toString(), Document.class, ReviewDocument.COLLECTION).block(TIMEOUT);
        assertThat(stored).isNotNull();
        return stored.getList(MongoOpenClaims.KEYS, String.class);
    }

    private static String key(UUID tenant, String workload) {
        return String.join("|", "1000001", tenant.toString(), "MODERN_WORK_CSP", workload);
    }

    private static Review review(UUID tenant, String... workloads) {
        return Review.checked(UUID.randomUUID(), claim(tenant, workloads), UUID.randomUUID(), now(),
                List.of(CheckResult.pass("DUPLICATE_CLAIM", "none")), now());
    }

    private static ClaimSnapshot claim(UUID tenant, String... workloads) {
        return new ClaimSnapshot("1000001", "Contoso rollout", tenant, "contoso.onmicrosoft.com", "en",
                new ClaimSnapshot.Person("Ana Souza", null, "ana@contoso.com"),
                new ClaimSnapshot.Person("Sam Partner", null, "sam@partner.example"), "MODERN_WORK",
                "MODERN_WORK_CSP", "TRANSACT", List.of(workloads), null, null, null, null, true, false);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
