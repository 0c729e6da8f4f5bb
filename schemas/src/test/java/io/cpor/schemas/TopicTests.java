package io.cpor.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpor.events.claims.ClaimWithdrawn;
import io.cpor.events.review.ReviewDecided;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class TopicTests {

    @Test
    void namesEveryTopicOfTheContract() {
        assertThat(Arrays.stream(Topic.values()).map(Topic::topicName)).containsExactlyInAnyOrder(
                "cpor.claims.submitted", "cpor.claims.review", "cpor.claims.review-decisions",
                "cpor.claims.outcomes", "cpor.associations.requests", "cpor.notifications.customer-notified",
                "cpor.associations.events");
    }

    @Test
    void keysClaimTopicsByClaimAndAssociationTopicsByTenant() {
        for (Topic topic : Topic.values()) {
            Topic.Key expected = topic.topicName().startsWith("cpor.claims.") ? Topic.Key.CLAIM_ID
                    : Topic.Key.TENANT_ID;
            assertThat(topic.key()).as(topic.topicName()).isEqualTo(expected);
        }
    }

    @Test
    void givesEveryTopicADeadLetterTwinAndAValueSubject() {
        assertThat(Topic.CLAIMS_OUTCOMES.deadLetterTopicName()).isEqualTo("cpor.claims.outcomes.DLT");
        assertThat(Topic.CLAIMS_OUTCOMES.valueSubject()).isEqualTo("cpor.claims.outcomes-value");
    }

    @Test
    void describesAMultiEventTopicAsAUnionOfItsRecordsInOrder() {
        Schema schema = Topic.CLAIMS_SUBMITTED.valueSchema();

        assertThat(schema.getType()).isEqualTo(Schema.Type.UNION);
        assertThat(schema.getTypes()).extracting(Schema::getName)
                .containsExactly("ClaimSubmitted", "ClaimInformationProvided", "ClaimWithdrawn",
                        "ClaimAmended", "ClaimDisputed");
        assertThat(Topic.CLAIMS_SUBMITTED.carries(ClaimWithdrawn.getClassSchema())).isTrue();
        assertThat(Topic.CLAIMS_SUBMITTED.carries(ReviewDecided.getClassSchema())).isFalse();
    }

    @Test
    void describesASingleEventTopicAsThatRecord() {
        assertThat(Topic.CLAIMS_REVIEW_DECISIONS.valueSchema()).isEqualTo(ReviewDecided.getClassSchema());
        assertThat(Topic.named("cpor.claims.review-decisions")).contains(Topic.CLAIMS_REVIEW_DECISIONS);
        assertThat(Topic.named("elsewhere")).isEmpty();
    }

    @Test
    void documentsEveryFieldOfEveryEvent() {
        for (Topic topic : Topic.values()) {
            assertDocumented(topic.valueSchema(), new java.util.HashSet<>());
        }
    }

    private static void assertDocumented(Schema schema, java.util.Set<String> seen) {
        switch (schema.getType()) {
            case UNION -> schema.getTypes().forEach(branch -> assertDocumented(branch, seen));
            case ARRAY -> assertDocumented(schema.getElementType(), seen);
            case RECORD -> {
                if (!seen.add(schema.getFullName())) {
                    return;
                }
                assertThat(schema.getDoc()).as(schema.getFullName()).isNotBlank();
                for (Schema.Field field : schema.getFields()) {
                    assertThat(field.doc()).as(schema.getFullName() + "." + field.name()).isNotBlank();
                    assertDocumented(field.schema(), seen);
                }
            }
            case ENUM -> {
                assertThat(schema.getDoc()).as(schema.getFullName()).isNotBlank();
                assertThat(schema.getEnumDefault()).as(schema.getFullName() + " default symbol").isNotNull();
            }
            default -> {
            }
        }
    }
}
