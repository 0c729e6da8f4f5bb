package io.cpor.notifications.messaging;

import io.cpor.notifications.domain.Mails;
import io.cpor.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Queues a mail for every event that needs telling. The offset is committed once the mail is in the queue; an event
 * delivered again finds its mail queued already. Sending happens elsewhere, so an SMTP outage never holds up Kafka.
 */
@Component
class NotificationListener {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Mails mails;
    private final MailRequests requests;
    private final Clock clock;
    private final MeterRegistry meters;

    NotificationListener(Mails mails, MailRequests requests, Clock clock, MeterRegistry meters) {
        this.mails = mails;
        this.requests = requests;
        this.clock = clock;
        this.meters = meters;
    }

    @KafkaListener(id = "notifications", topics = {Topics.ASSOCIATIONS_REQUESTS, Topics.CLAIMS_OUTCOMES,
        Topics.ASSOCIATIONS_EVENTS})
    void on(ConsumerRecord<String, Object> record) {
        requests.of(record.value(), clock.instant().truncatedTo(ChronoUnit.MILLIS)).ifPresent(mail -> {
            Boolean queued = mails.enqueue(mail).block(TIMEOUT);
            meters.counter("cpor.notifications.mails.queued", "kind", mail.kind().name(), "duplicate",
                    String.valueOf(!Boolean.TRUE.equals(queued))).increment();
        });
    }
}
