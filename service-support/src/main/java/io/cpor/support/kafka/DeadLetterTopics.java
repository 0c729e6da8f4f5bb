package io.cpor.support.kafka;

import io.cpor.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** Where a failed record goes: the same partition of its topic's {@code .DLT} twin (Spring's default is -dlt). */
public final class DeadLetterTopics {

    private DeadLetterTopics() {
    }

    public static TopicPartition of(ConsumerRecord<?, ?> record, Exception failure) {
        return new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, record.partition());
    }
}
