package io.cpor.support.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service declares the contract's topics at startup ({@code cpor.kafka.topics.*}). The local platform creates
 * them itself, so a service declares nothing by default; in production every instance of every service declares all
 * of them (Kafka's admin client creates only what is missing), replicated as the cluster allows.
 *
 * @param create whether the service creates the contract's topics and their {@code .DLT} twins when missing
 * @param partitions partitions of each topic and of its twin (a dead letter goes to the same partition number);
 *     the most instances of a service that share the work
 * @param replicationFactor copies of each partition: 3 on a three-broker cluster
 * @param minInsyncReplicas copies that must have a record before an {@code acks=all} write succeeds: 2 of 3 lets
 *     one broker be down without losing an acknowledged record
 */
@ConfigurationProperties("cpor.kafka.topics")
public record TopicProperties(@DefaultValue("false") boolean create, @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicationFactor, @DefaultValue("1") int minInsyncReplicas) {

    public TopicProperties {
        if (partitions < 1) {
            throw new IllegalArgumentException("cpor.kafka.topics.partitions must be at least 1");
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("cpor.kafka.topics.replication-factor must be at least 1");
        }
        if (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("cpor.kafka.topics.min-insync-replicas must be between 1 and "
                    + "cpor.kafka.topics.replication-factor (" + replicationFactor + ")");
        }
    }
}
