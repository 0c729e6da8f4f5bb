package io.cpor.associations.messaging;

import io.cpor.associations.domain.TimerShards;
import io.cpor.schemas.Topics;
import io.cpor.support.kafka.TopicProperties;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Timer shards as the partitions of {@code cpor.notifications.customer-notified}: a request's shard is the partition
 * its tenant's notices go to (the producer's own choice for that key), and this instance holds the partitions its
 * listener is assigned now.
 */
@Component
class KafkaTimerShards implements TimerShards {

    private static final Logger log = LoggerFactory.getLogger(KafkaTimerShards.class);

    private final KafkaListenerEndpointRegistry registry;
    private final KafkaTemplate<String, Object> kafka;
    private final int configuredPartitions;
    private volatile int partitions;

    KafkaTimerShards(KafkaListenerEndpointRegistry registry, KafkaTemplate<String, Object> kafka,
            TopicProperties topics) {
        this.registry = registry;
        this.kafka = kafka;
        this.configuredPartitions = topics.partitions();
    }

    @Override
    public int of(UUID tenantId) {
        byte[] key = tenantId.toString().getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(key)) % partitions();
    }

    @Override
    public Set<Integer> owned() {
        MessageListenerContainer container = registry.getListenerContainer(AssociationListener.ID);
        Collection<TopicPartition> assigned = container == null ? null : container.getAssignedPartitions();
        if (assigned == null) {
            return Set.of();
        }
        return assigned.stream().filter(partition -> partition.topic().equals(Topics.NOTIFICATIONS_CUSTOMER_NOTIFIED))
                .map(TopicPartition::partition).collect(Collectors.toUnmodifiableSet());
    }

    /** The topic's partitions as the broker says (once known), else as configured. */
    private int partitions() {
        if (partitions == 0) {
            try {
                partitions = kafka.partitionsFor(Topics.NOTIFICATIONS_CUSTOMER_NOTIFIED).size();
            }
            catch (RuntimeException e) {
                log.warn("The partitions of {} are not known yet ({}); taking the configured {}",
                        Topics.NOTIFICATIONS_CUSTOMER_NOTIFIED, e.toString(), configuredPartitions);
                return configuredPartitions;
            }
        }
        return partitions;
    }
}
