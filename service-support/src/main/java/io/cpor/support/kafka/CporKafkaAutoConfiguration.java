package io.cpor.support.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The error handler of every listener container: a transient fault (database or schema registry down) is retried
 * with exponential backoff for as long as it lasts, so nothing is skipped; a poison record (undeserializable, or an
 * {@link InvalidEventException}) goes to its {@code .DLT} twin at once; any other failure is retried twice, then
 * dead-lettered. The record's offset is committed once it is handled or dead-lettered.
 * <p>
 * With {@code cpor.kafka.topics.create=true} (the prod profile) the service also declares the contract's topics, so
 * Spring's {@link KafkaAdmin} creates what is missing at startup.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(TopicProperties.class)
public class CporKafkaAutoConfiguration {

    static final BackOff TRANSIENT = transientBackOff();
    static final BackOff POISON = new FixedBackOff(0, 0);
    static final BackOff OTHER = new FixedBackOff(500, 2);

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler cporErrorHandler(KafkaTemplate<?, ?> template, KafkaProperties properties) {
        DefaultKafkaProducerFactory<String, byte[]> rawProducers = new DefaultKafkaProducerFactory<>(
                properties.buildProducerProperties(), new StringSerializer(), new ByteArraySerializer());
        // A record that could not be deserialized is dead-lettered as the bytes it arrived as.
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, new KafkaTemplate<>(rawProducers));
        templates.put(Object.class, template);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(templates,
                DeadLetterTopics::of);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, OTHER);
        handler.removeClassification(DeserializationException.class);
        handler.setBackOffFunction((record, failure) -> backOffFor(failure));
        handler.setCommitRecovered(true);
        return handler;
    }

    @Bean
    @ConditionalOnMissingBean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties properties) {
        return new KafkaHealthIndicator(properties.buildAdminProperties());
    }

    @Bean
    @ConditionalOnBooleanProperty("cpor.kafka.topics.create")
    KafkaAdmin.NewTopics cporContractTopics(TopicProperties topics) {
        return new KafkaAdmin.NewTopics(ContractTopics.declarations(topics).toArray(NewTopic[]::new));
    }

    static BackOff backOffFor(Exception failure) {
        if (Failures.isTransient(failure)) {
            return TRANSIENT;
        }
        return Failures.isPoison(failure) ? POISON : OTHER;
    }

    private static BackOff transientBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(10_000);
        return backOff;
    }
}
