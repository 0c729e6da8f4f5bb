package io.cpor.schemas;

import io.cpor.events.associations.AssociationActivated;
import io.cpor.events.associations.AssociationConflicted;
import io.cpor.events.associations.AssociationContested;
import io.cpor.events.associations.AssociationDeclined;
import io.cpor.events.associations.AssociationDisassociated;
import io.cpor.events.associations.AssociationRemoved;
import io.cpor.events.associations.AssociationRequested;
import io.cpor.events.associations.AssociationSuperseded;
import io.cpor.events.associations.AssociationUncontested;
import io.cpor.events.claims.ClaimAmended;
import io.cpor.events.claims.ClaimDisputed;
import io.cpor.events.claims.ClaimInformationProvided;
import io.cpor.events.claims.ClaimSubmitted;
import io.cpor.events.claims.ClaimWithdrawn;
import io.cpor.events.notifications.CustomerNotified;
import io.cpor.events.outcomes.ArbitrationDecided;
import io.cpor.events.outcomes.ClaimApproved;
import io.cpor.events.outcomes.ClaimRejected;
import io.cpor.events.outcomes.InformationRequested;
import io.cpor.events.review.ReviewDecided;
import io.cpor.events.review.ReviewRequested;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The topic catalog: every topic of the contract with its key and the events it carries.
 * <p>
 * A topic that carries several kinds of event has a top-level Avro union of those records as its value schema,
 * registered under {@code <topic>-value} (TopicNameStrategy). Adding a record to the end of a union is a
 * backward-compatible change; removing or reordering one is not.
 */
public enum Topic {

    CLAIMS_SUBMITTED(Topics.CLAIMS_SUBMITTED, Key.CLAIM_ID, Service.CLAIMS,
            Set.of(Service.VALIDATION, Service.ASSOCIATIONS),
            ClaimSubmitted.class, ClaimInformationProvided.class, ClaimWithdrawn.class, ClaimAmended.class,
            ClaimDisputed.class),
    CLAIMS_REVIEW(Topics.CLAIMS_REVIEW, Key.CLAIM_ID, Service.VALIDATION, Set.of(Service.CLAIMS),
            ReviewRequested.class),
    // validation-service records the decisions taken through its API here too; validator tools write the others.
    CLAIMS_REVIEW_DECISIONS(Topics.CLAIMS_REVIEW_DECISIONS, Key.CLAIM_ID, Service.VALIDATION,
            Set.of(Service.VALIDATION), ReviewDecided.class),
    CLAIMS_OUTCOMES(Topics.CLAIMS_OUTCOMES, Key.CLAIM_ID, Service.VALIDATION,
            Set.of(Service.CLAIMS, Service.NOTIFICATIONS, Service.ASSOCIATIONS),
            ClaimApproved.class, ClaimRejected.class, InformationRequested.class, ArbitrationDecided.class),
    ASSOCIATIONS_REQUESTS(Topics.ASSOCIATIONS_REQUESTS, Key.TENANT_ID, Service.ASSOCIATIONS,
            Set.of(Service.CLAIMS, Service.NOTIFICATIONS), AssociationRequested.class),
    NOTIFICATIONS_CUSTOMER_NOTIFIED(Topics.NOTIFICATIONS_CUSTOMER_NOTIFIED, Key.TENANT_ID, Service.NOTIFICATIONS,
            Set.of(Service.CLAIMS, Service.ASSOCIATIONS), CustomerNotified.class),
    ASSOCIATIONS_EVENTS(Topics.ASSOCIATIONS_EVENTS, Key.TENANT_ID, Service.ASSOCIATIONS,
            Set.of(Service.CLAIMS, Service.VALIDATION, Service.NOTIFICATIONS),
            AssociationConflicted.class, AssociationActivated.class, AssociationDeclined.class,
            AssociationRemoved.class, AssociationDisassociated.class, AssociationContested.class,
            AssociationSuperseded.class, AssociationUncontested.class);

    /**
     * The services of the contract, by the name each runs under: its Kafka principal, and the name of its
     * database-owning deployable. Who writes and who reads each topic is part of the catalog, so the broker's ACLs
     * are made from it.
     */
    public enum Service {
        CLAIMS("claim-service"), VALIDATION("validation-service"), NOTIFICATIONS("notification-service"),
        ASSOCIATIONS("association-service");

        private final String serviceName;

        Service(String serviceName) {
            this.serviceName = serviceName;
        }

        public String serviceName() {
            return serviceName;
        }
    }

    /** What a topic's record key is: the text form of a UUID, serialized as a plain string. */
    public enum Key {
        CLAIM_ID, TENANT_ID
    }

    private final String topicName;
    private final Key key;
    private final Service writer;
    private final Set<Service> readers;
    private final List<Class<? extends SpecificRecord>> valueTypes;
    private final Schema valueSchema;

    @SafeVarargs
    Topic(String topicName, Key key, Service writer, Set<Service> readers,
            Class<? extends SpecificRecord>... valueTypes) {
        this.topicName = topicName;
        this.key = key;
        this.writer = writer;
        this.readers = readers;
        this.valueTypes = List.of(valueTypes);
        List<Schema> schemas = Arrays.stream(valueTypes).map(type -> SpecificData.get().getSchema(type)).toList();
        this.valueSchema = schemas.size() == 1 ? schemas.get(0) : Schema.createUnion(schemas);
    }

    public String topicName() {
        return topicName;
    }

    public String deadLetterTopicName() {
        return topicName + Topics.DEAD_LETTER_SUFFIX;
    }

    public Key key() {
        return key;
    }

    /** The service that publishes the topic's events. */
    public Service writer() {
        return writer;
    }

    /** The services that consume the topic (and write its dead-letter twin). */
    public Set<Service> readers() {
        return readers;
    }

    public List<Class<? extends SpecificRecord>> valueTypes() {
        return valueTypes;
    }

    /** The value schema of the contract: one record, or a union of the records the topic carries. */
    public Schema valueSchema() {
        return valueSchema;
    }

    /** The registry subject of the value schema (TopicNameStrategy). */
    public String valueSubject() {
        return topicName + "-value";
    }

    /** Whether the topic carries records of this schema (the same record, field for field). */
    public boolean carries(Schema recordSchema) {
        if (valueSchema.getType() == Schema.Type.UNION) {
            return valueSchema.getTypes().contains(recordSchema);
        }
        return valueSchema.equals(recordSchema);
    }

    public static Optional<Topic> named(String topicName) {
        for (Topic topic : values()) {
            if (topic.topicName.equals(topicName)) {
                return Optional.of(topic);
            }
        }
        return Optional.empty();
    }
}
