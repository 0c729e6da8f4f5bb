package io.cpor.notifications.messaging;

import io.cpor.events.associations.AssociationDisassociated;
import io.cpor.events.associations.AssociationRequested;
import io.cpor.notifications.domain.Mails;
import io.cpor.schemas.Topics;
import io.cpor.support.kafka.InvalidEventException;
import io.cpor.support.partners.PartnerDirectory;
import io.cpor.support.partners.RegisteredPartner;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
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
    private final PartnerDirectory partners;
    private final Clock clock;
    private final MeterRegistry meters;

    NotificationListener(Mails mails, MailRequests requests, PartnerDirectory partners, Clock clock,
            MeterRegistry meters) {
        this.mails = mails;
        this.requests = requests;
        this.partners = partners;
        this.clock = clock;
        this.meters = meters;
    }

    @KafkaListener(id = "notifications", topics = {Topics.ASSOCIATIONS_REQUESTS, Topics.CLAIMS_OUTCOMES,
        Topics.ASSOCIATIONS_EVENTS})
    void on(ConsumerRecord<String, Object> record) {
        RegisteredPartner partner = record.value() instanceof AssociationRequested requested
                ? registered(requested.getPartnerId())
                : record.value() instanceof AssociationDisassociated ended ? registered(ended.getPartnerId()) : null;
        requests.of(record.value(), partner, clock.instant().truncatedTo(ChronoUnit.MILLIS)).ifPresent(mail -> {
            Boolean queued = mails.enqueue(mail).block(TIMEOUT);
            meters.counter("cpor.notifications.mails.queued", "kind", mail.kind().name(), "duplicate",
                    String.valueOf(!Boolean.TRUE.equals(queued))).increment();
        });
    }

    /** The partner as registered; a request for a PartnerID nobody registered breaks the contract. */
    private RegisteredPartner registered(String partnerId) {
        Optional<RegisteredPartner> found = partners.partner(partnerId).block(TIMEOUT);
        if (found == null || found.isEmpty()) {
            throw new InvalidEventException("The association names PartnerID " + partnerId
                    + ", which the partner directory does not know");
        }
        return found.get();
    }
}
