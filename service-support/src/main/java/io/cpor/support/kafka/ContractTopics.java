package io.cpor.support.kafka;

import io.cpor.schemas.Topic;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;

/** Every topic of the contract and its {@code .DLT} twin, as {@link TopicProperties} says to create them. */
final class ContractTopics {

    private ContractTopics() {
    }

    static List<NewTopic> declarations(TopicProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            topics.add(declaration(topic.topicName(), properties));
            topics.add(declaration(topic.deadLetterTopicName(), properties));
        }
        return topics;
    }

    private static NewTopic declaration(String name, TopicProperties properties) {
        return TopicBuilder.name(name)
                .partitions(properties.partitions())
                .replicas(properties.replicationFactor())
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(properties.minInsyncReplicas()))
                .build();
    }
}
