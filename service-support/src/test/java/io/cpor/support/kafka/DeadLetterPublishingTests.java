package io.cpor.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.ProducerFactory;

class DeadLetterPublishingTests {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, CporKafkaAutoConfiguration.class))
            .withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:1");

    @Test
    void closesTheProducerOfUndeserializableRecordsWithTheApplication() {
        List<String> closed = new CopyOnWriteArrayList<>();
        contexts.run(context -> {
            DeadLetterPublishing deadLetters = context.getBean(DeadLetterPublishing.class);
            deadLetters.rawProducers().addListener(new ProducerFactory.Listener<>() {
                @Override
                public void producerRemoved(String id, Producer<String, byte[]> producer) {
                    closed.add(id);
                }
            });
            deadLetters.rawProducers().createProducer();
            assertThat(closed).isEmpty();
        });

        assertThat(closed).hasSize(1);
    }
}
