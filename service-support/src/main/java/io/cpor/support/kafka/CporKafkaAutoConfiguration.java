package io.cpor.support.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The error handler of every listener container: a transient fault (database or schema registry down) is retried
 * with exponential backoff for as long as it lasts, so nothing is skipped; a poison record (undeserializable, or an
 * {@link InvalidEventException}) goes to its {@code .DLT} twin at once; any other failure is retried twice, then
 * dead-lettered. The record's offset is committed once it is handled or dead-lettered. An {@link Error} thrown by a
 * listener is such an other failure ({@link ErrorContainingListener}), so it never stops a container; a consumer that
 * stops anyway is logged, shown in readiness and restarted ({@link ListenerSupervisor}).
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
    @ConditionalOnMissingBean
    DeadLetterPublishing cporDeadLetterPublishing(KafkaTemplate<?, ?> template, KafkaProperties properties) {
        return new DeadLetterPublishing(template, properties.buildProducerProperties());
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler cporErrorHandler(DeadLetterPublishing deadLetters) {
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters.recoverer(), OTHER);
        handler.removeClassification(DeserializationException.class);
        handler.setBackOffFunction((record, failure) -> backOffFor(failure));
        handler.setCommitRecovered(true);
        return handler;
    }

    /** Every record listener's {@link Error}s become failures the error handler dead-letters. */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> cporErrorContainment() {
        return container -> {
            if (container.getContainerProperties().getMessageListener() instanceof MessageListener<?, ?> listener
                    && !(listener instanceof ErrorContainingListener<?, ?>)) {
                @SuppressWarnings("unchecked")
                MessageListener<Object, Object> records = (MessageListener<Object, Object>) listener;
                container.setupMessageListener(new ErrorContainingListener<>(String.valueOf(
                        container.getListenerId()), records));
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    ListenerSupervisor listenersHealthIndicator(KafkaListenerEndpointRegistry registry) {
        return new ListenerSupervisor(registry);
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
