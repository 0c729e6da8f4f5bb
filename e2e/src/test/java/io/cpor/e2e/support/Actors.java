package io.cpor.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cpor.local.testing.Mailbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** The people and tools that use the stack, through its public surfaces only. */
public final class Actors {

    public static final Duration PATIENCE = Duration.ofSeconds(120);

    private final Stack stack;

    public Actors(Stack stack) {
        this.stack = stack;
    }

    /** A partner integration: submits, reads, answers and withdraws claims with its own token. */
    public final class Partner {

        private final String client;

        private Partner(String client) {
            this.client = client;
        }

        public UUID submit(ClaimSpec claim) {
            Http.Answer answer = Http.post(stack.url(8080) + "/api/v1/claims", stack.token(client), claim.body());
            assertThat(answer.status()).as(answer.body()).isEqualTo(202);
            return UUID.fromString(answer.json().path("claimId").asText());
        }

        public JsonNode claim(UUID claimId) {
            Http.Answer answer = Http.get(stack.url(8080) + "/api/v1/claims/" + claimId, stack.token(client));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            return answer.json();
        }

        /** The claim once it reaches the status (failing after two minutes, showing where it got to). */
        public JsonNode awaitStatus(UUID claimId, String status) {
            return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                    .until(() -> claim(claimId), claim -> status.equals(claim.path("status").asText()));
        }

        public Http.Answer answer(UUID claimId, String message) {
            return Http.post(stack.url(8080) + "/api/v1/claims/" + claimId + "/information", stack.token(client),
                    Map.of("message", message));
        }

        public Http.Answer withdraw(UUID claimId) {
            return Http.post(stack.url(8080) + "/api/v1/claims/" + claimId + "/withdraw", stack.token(client),
                    Map.of("reason", "Submitted by mistake"));
        }
    }

    /** A Microsoft validator working from the review API. */
    public final class Validator {

        public JsonNode awaitReview(UUID claimId, String state) {
            return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
                Http.Answer answer = Http.get(stack.url(8082) + "/api/v1/reviews/" + claimId,
                        stack.token("demo-validator"));
                return answer.status() == 200 ? answer.json() : null;
            }, review -> review != null && state.equals(review.path("state").asText()));
        }

        public Http.Answer decide(UUID claimId, Map<String, Object> decision) {
            return Http.post(stack.url(8082) + "/api/v1/reviews/" + claimId + "/decision",
                    stack.token("demo-validator"), decision);
        }

        public void approve(UUID claimId) {
            awaitReview(claimId, "PENDING");
            Http.Answer answer = decide(claimId, Map.of("decision", "APPROVE"));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        }
    }

    public Partner partner(String client) {
        return new Partner(client);
    }

    public Validator validator() {
        return new Validator();
    }

    /** The mails of an address once one matching arrives (read over IMAP, as a mail client does). */
    public List<Mailbox.Mail> awaitMail(String address, Predicate<Mailbox.Mail> wanted) {
        Mailbox mailbox = Mailbox.of(stack.endpoints(), address);
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(mailbox::mails, mails -> mails.stream().anyMatch(wanted));
    }

    public List<Mailbox.Mail> mails(String address) {
        return Mailbox.of(stack.endpoints(), address).mails();
    }
}
