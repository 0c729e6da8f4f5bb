package io.cpor.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.cpor.schemas.Topic;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.KafkaAdmin;

/** What a service declares of the contract's topics: nothing by default, every topic and twin when asked to. */
class ContractTopicsTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, CporKafkaAutoConfiguration.class));

    @Test
    void declaresNoTopicsByDefault() {
        runner.run(context -> assertThat(context).doesNotHaveBean(KafkaAdmin.NewTopics.class));
    }

    @Test
    void declaresEveryTopicAndItsTwinReplicatedAsConfigured() {
        // auto-create off: the test looks at the declarations; no broker is there to create them.
        runner.withPropertyValues("spring.kafka.admin.auto-create=false", "cpor.kafka.topics.create=true",
                "cpor.kafka.topics.partitions=12", "cpor.kafka.topics.replication-factor=3",
                "cpor.kafka.topics.min-insync-replicas=2").run(context -> {
                    assertThat(context).hasSingleBean(KafkaAdmin.NewTopics.class);
                    List<NewTopic> topics = ContractTopics.declarations(context.getBean(TopicProperties.class));
                    assertThat(topics).extracting(NewTopic::name).containsExactlyInAnyOrderElementsOf(
                            Arrays.stream(Topic.values()).flatMap(topic -> Stream.of(
                                    topic.topicName(), topic.deadLetterTopicName())).toList());
                    assertThat(topics).allSatisfy(topic -> {
                        assertThat(topic.numPartitions()).isEqualTo(12);
                        assertThat(topic.replicationFactor()).isEqualTo((short) 3);
                        assertThat(topic.configs()).containsEntry("min.insync.replicas", "2");
                    });
                });
    }

    @Test
    void refusesMoreInSyncReplicasThanCopies() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TopicProperties(true, 6, (short) 1, 2))
                .withMessageContaining("min-insync-replicas");
    }
}
