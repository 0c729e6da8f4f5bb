package io.cpor.notifications.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpor.events.claims.Claim;
import io.cpor.local.testing.Mailbox;
import io.cpor.local.testing.TopicProbe;
import io.cpor.notifications.Events;
import io.cpor.notifications.NotificationServiceTest;
import io.cpor.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The partner hears of every outcome of its claim, in words, at its contact's address. */
class PartnerMailIntegrationTests extends NotificationServiceTest {

    @Test
    void rejectionListsEveryReasonInWords() {
        String partner = Events.address("partner");
        Claim claim = Events.claim("Teams rollout", partner);
        var rejected = Events.rejected(claim,
                Events.reason("TENANT_DOMAIN_MISMATCH", "contoso.onmicrosoft.com is not a domain of the tenant."),
                Events.reason("DUPLICATE_CLAIM", "Another claim of yours is open for this tenant."));

        topics().send(Topics.CLAIMS_OUTCOMES, rejected.getMetadata().getClaimId().toString(), rejected);

        Mailbox.Mail mail = awaitMails(partner, 1).get(0);
        // A subject never carries what the partner typed: the claim by its id.
        assertThat(mail.subject()).isEqualTo("Your claim " + rejected.getMetadata().getClaimId() + " was rejected");
        assertThat(mail.to()).isEqualTo("Sam Partner <" + partner + ">");
        assertThat(mail.text()).contains("Hello Sam Partner,", "(claim " + rejected.getMetadata().getClaimId() + ")",
                "TENANT_DOMAIN_MISMATCH: contoso.onmicrosoft.com is not a domain of the tenant.",
                "DUPLICATE_CLAIM: Another claim of yours is open for this tenant.",
                "Correct what is listed and submit a new claim, or, if the rejection is wrong, dispute it once with "
                        + "POST /api/v1/claims/" + rejected.getMetadata().getClaimId() + "/dispute");
        assertThat(mail.html()).contains("<li>DUPLICATE_CLAIM: Another claim of yours is open for this tenant.</li>");
    }

    @Test
    void aRejectionAfterADisputeSaysItIsFinal() {
        String partner = Events.address("partner");
        var rejected = io.cpor.events.outcomes.ClaimRejected.newBuilder(Events.rejected(
                Events.claim("Teams rollout", partner), Events.reason("VALIDATOR_REJECTED",
                        "The proof still shows no consent."))).setAfterDispute(true).build();

        topics().send(Topics.CLAIMS_OUTCOMES, rejected.getMetadata().getClaimId().toString(), rejected);

        Mailbox.Mail mail = awaitMails(partner, 1).get(0);
        assertThat(mail.subject()).isEqualTo("Your disputed claim " + rejected.getMetadata().getClaimId()
                + " was rejected");
        assertThat(mail.text()).contains("VALIDATOR_REJECTED: The proof still shows no consent.",
                "This rejection is final and cannot be disputed again.");
    }

    @Test
    void informationRequestCarriesTheValidatorsMessageAndHowToAnswer() {
        String partner = Events.address("partner");
        Claim claim = Events.claim("Teams rollout", partner);
        var requested = Events.informationRequested(claim, "Please attach the signed statement of work.",
                Instant.parse("2026-12-09T08:00:00Z"));

        topics().send(Topics.CLAIMS_OUTCOMES, requested.getMetadata().getClaimId().toString(), requested);

        Mailbox.Mail mail = awaitMails(partner, 1).get(0);
        assertThat(mail.subject()).isEqualTo("Information requested for your claim "
                + requested.getMetadata().getClaimId());
        assertThat(mail.text()).contains("Please attach the signed statement of work.",
                "Answer before Wednesday, December 9, 2026",
                "POST /api/v1/claims/" + requested.getMetadata().getClaimId() + "/information");
    }

    @Test
    void conflictNamesTheWorkloadAndWhy() {
        String partner = Events.address("partner");
        var conflicted = Events.conflicted(partner, "Intune rollout");

        topics().send(Topics.ASSOCIATIONS_EVENTS, conflicted.getTenantId().toString(), conflicted);

        Mailbox.Mail mail = awaitMails(partner, 1).get(0);
        assertThat(mail.subject()).isEqualTo("Some workloads of your claim " + conflicted.getMetadata().getClaimId()
                + " cannot be associated");
        assertThat(mail.text()).contains("Microsoft Intune: another partner is partner of record for it");
    }

    @Test
    void activationDeclineAndRemovalEachTellThePartner() {
        String partner = Events.address("partner");
        var activated = Events.activated(partner, "Compliance");
        var declined = Events.declined(partner, "Teams rollout");
        var removed = Events.removed(partner, "OneDrive migration");

        topics().send(Topics.ASSOCIATIONS_EVENTS, activated.getTenantId().toString(), activated);
        topics().send(Topics.ASSOCIATIONS_EVENTS, declined.getTenantId().toString(), declined);
        topics().send(Topics.ASSOCIATIONS_EVENTS, removed.getTenantId().toString(), removed);

        assertThat(awaitMails(partner, 3)).extracting(Mailbox.Mail::subject).containsExactlyInAnyOrder(
                "You are now partner of record for your claim " + activated.getMetadata().getClaimId(),
                "The customer declined your claim " + declined.getMetadata().getClaimId(),
                "The customer ended the association of your claim " + removed.getMetadata().getClaimId());
        assertThat(mails(partner)).filteredOn(mail -> mail.subject().startsWith("You are now"))
                .singleElement().satisfies(mail -> assertThat(mail.text()).contains("Microsoft Teams",
                        "Microsoft Purview", "tenant " + activated.getTenantId()));
    }

    @Test
    void anAssociationAwardedToAnotherPartnerTellsThePartnerWithoutNamingTheOther() {
        String partner = Events.address("partner");
        var removed = Events.removed(partner, "Dynamics rollout");
        var superseded = io.cpor.events.associations.AssociationSuperseded.newBuilder()
                .setMetadata(removed.getMetadata()).setRequestId(removed.getRequestId())
                .setTenantId(removed.getTenantId()).setPartnerId(removed.getPartnerId())
                .setPartnerContact(removed.getPartnerContact()).setClaimName(removed.getClaimName())
                .setWorkloads(removed.getWorkloads()).build();

        topics().send(Topics.ASSOCIATIONS_EVENTS, superseded.getTenantId().toString(), superseded);

        Mailbox.Mail mail = awaitMails(partner, 1).get(0);
        assertThat(mail.subject()).isEqualTo("Your association of claim " + superseded.getMetadata().getClaimId()
                + " was ended after Microsoft's review");
        assertThat(mail.text()).contains("After reviewing a competing claim", "OneDrive",
                "the other claim is not named");
    }

    @Test
    void hostileClaimNameIsEscapedInTheHtmlAndKeptOutOfTheSubjectAndHeaders() {
        String partner = Events.address("partner");
        var activated = Events.activated(partner, "<img src=x onerror=alert(1)>\r\nBcc: evil@attacker.example");

        topics().send(Topics.ASSOCIATIONS_EVENTS, activated.getTenantId().toString(), activated);

        Mailbox.Mail mail = awaitMails(partner, 1).get(0);
        assertThat(mail.html()).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;");
        assertThat(mail.header("Bcc")).isEmpty();
        assertThat(mail.subject()).isEqualTo("You are now partner of record for your claim "
                + activated.getMetadata().getClaimId());
    }

    @Test
    void aRecordThatIsNotAnEventGoesToTheDeadLetterTopicAndMailContinues() {
        String partner = Events.address("partner");
        var after = Events.activated(partner, "After the poison");
        String key = "poison-" + after.getRequestId();

        topics().sendBytes(Topics.ASSOCIATIONS_EVENTS, key, "not avro".getBytes(StandardCharsets.UTF_8));
        topics().send(Topics.ASSOCIATIONS_EVENTS, key, after);

        assertThat(awaitMails(partner, 1)).hasSize(1);
        ConsumerRecord<String, byte[]> dead = topics().readBytes(Topics.ASSOCIATIONS_EVENTS + Topics.DEAD_LETTER_SUFFIX,
                record -> key.equals(record.key()), 1, Duration.ZERO, Duration.ofSeconds(20)).get(0);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not avro");
    }

    @Test
    void anAssociationRequestWithoutAWebLinkIsDeadLetteredNotMailed() {
        String customer = Events.address("customer");
        var requested = Events.requested(customer, "en", "javascript:alert(1)").build();

        topics().send(Topics.ASSOCIATIONS_REQUESTS, requested.getCustomer().getTenantId().toString(), requested);

        assertThat(new TopicProbe(PLATFORM).readBytes(Topics.ASSOCIATIONS_REQUESTS + Topics.DEAD_LETTER_SUFFIX,
                record -> requested.getCustomer().getTenantId().toString().equals(record.key()), 1, Duration.ZERO,
                Duration.ofSeconds(20))).hasSize(1);
        assertThat(mails(customer)).isEmpty();
    }
}
