package io.cpor.support.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.AcknowledgingConsumerAwareMessageListener;
import org.springframework.kafka.listener.DelegatingMessageListener;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.Acknowledgment;

/**
 * Wraps a container's record listener so that an {@link Error} it throws (a stack overflow, memory exhausted by one
 * record, a class that fails to load) is a {@link ListenerErrorException} instead: the container's error handler
 * retries the record and then dead-letters it, and the container goes on. Left alone, an {@code Error} stops the
 * container for good, and after a restart the same record stops it again.
 */
final class ErrorContainingListener<K, V> implements AcknowledgingConsumerAwareMessageListener<K, V>,
        DelegatingMessageListener<MessageListener<K, V>> {

    private static final Logger log = LoggerFactory.getLogger(ErrorContainingListener.class);

    private final String listenerId;
    private final MessageListener<K, V> delegate;

    ErrorContainingListener(String listenerId, MessageListener<K, V> delegate) {
        this.listenerId = listenerId;
        this.delegate = delegate;
    }

    @Override
    public MessageListener<K, V> getDelegate() {
        return delegate;
    }

    @Override
    public void onMessage(ConsumerRecord<K, V> record) {
        try {
            delegate.onMessage(record);
        }
        catch (Error error) {
            throw contained(record, error);
        }
    }

    @Override
    public void onMessage(ConsumerRecord<K, V> record, @Nullable Acknowledgment acknowledgment) {
        try {
            delegate.onMessage(record, acknowledgment);
        }
        catch (Error error) {
            throw contained(record, error);
        }
    }

    @Override
    public void onMessage(ConsumerRecord<K, V> record, Consumer<?, ?> consumer) {
        try {
            delegate.onMessage(record, consumer);
        }
        catch (Error error) {
            throw contained(record, error);
        }
    }

    @Override
    public void onMessage(ConsumerRecord<K, V> record, @Nullable Acknowledgment acknowledgment,
            @Nullable Consumer<?, ?> consumer) {
        try {
            delegate.onMessage(record, acknowledgment, consumer);
        }
        catch (Error error) {
            throw contained(record, error);
        }
    }

    private ListenerErrorException contained(ConsumerRecord<K, V> record, Error error) {
        log.error("Listener {} failed with an error on {}-{}@{}; the record is retried, then dead-lettered",
                listenerId, record.topic(), record.partition(), record.offset(), error);
        return new ListenerErrorException(listenerId, error);
    }
}
