package io.cpor.local.kafka;

import io.cpor.schemas.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates every topic of the contract and its {@code .DLT} twin, with the same partition count: Spring Kafka's
 * dead-letter publisher writes a failed record to the same partition number of the twin.
 */
public final class TopicSetup {

    private TopicSetup() {
    }

    /** Creates the topics that do not exist yet, one copy of each partition; returns the names it created. */
    public static List<String> createContractTopics(Admin admin, int partitions) {
        return createContractTopics(admin, partitions, (short) 1, 1);
    }

    /** Creates the topics that do not exist yet, replicated as given; returns the names it created. */
    public static List<String> createContractTopics(Admin admin, int partitions, short replicationFactor,
            int minInsyncReplicas) {
        List<NewTopic> wanted = new ArrayList<>();
        Map<String, String> configs = Map.of("min.insync.replicas", Integer.toString(minInsyncReplicas));
        for (Topic topic : Topic.values()) {
            wanted.add(new NewTopic(topic.topicName(), partitions, replicationFactor).configs(configs));
            wanted.add(new NewTopic(topic.deadLetterTopicName(), partitions, replicationFactor).configs(configs));
        }
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = wanted.stream().filter(topic -> !existing.contains(topic.name())).toList();
            Map<String, org.apache.kafka.common.KafkaFuture<Void>> results = admin.createTopics(missing).values();
            List<String> created = new ArrayList<>();
            for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> result : results.entrySet()) {
                try {
                    result.getValue().get();
                    created.add(result.getKey());
                }
                catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + result.getKey(), e.getCause());
                    }
                }
            }
            return created;
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("Cannot list topics", e.getCause());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        }
    }
}
