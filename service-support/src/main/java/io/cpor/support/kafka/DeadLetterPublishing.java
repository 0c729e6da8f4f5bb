package io.cpor.support.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Publishes failed records to their {@code .DLT} twins: a record that could not be deserialized as the bytes it
 * arrived as (through a producer of its own, closed with the application), any other through the service's template.
 * The recoverer adds the failure (class, message, stack trace) and the record's origin to the headers.
 */
public class DeadLetterPublishing implements DisposableBean {

    private final DefaultKafkaProducerFactory<String, byte[]> rawProducers;
    private final DeadLetterPublishingRecoverer recoverer;

    public DeadLetterPublishing(KafkaTemplate<?, ?> template, Map<String, Object> producerProperties) {
        this.rawProducers = new DefaultKafkaProducerFactory<>(producerProperties, new StringSerializer(),
                new ByteArraySerializer());
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, new KafkaTemplate<>(rawProducers));
        templates.put(Object.class, template);
        this.recoverer = new DeadLetterPublishingRecoverer(templates, DeadLetterTopics::of);
    }

    public DeadLetterPublishingRecoverer recoverer() {
        return recoverer;
    }

    DefaultKafkaProducerFactory<String, byte[]> rawProducers() {
        return rawProducers;
    }

    @Override
    public void destroy() {
        rawProducers.destroy();
    }
}
