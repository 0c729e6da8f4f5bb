package io.cpor.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cpor.e2e.client.associations.api.AssociationsApi;
import io.cpor.e2e.client.claims.api.ClaimsApi;
import io.cpor.e2e.client.claims.model.ClaimRequest;
import io.cpor.e2e.client.claims.model.ContactRequest;
import io.cpor.e2e.client.claims.model.CustomerRequest;
import io.cpor.e2e.client.claims.model.DisputeRequest;
import io.cpor.e2e.client.claims.model.DocumentRequest;
import io.cpor.e2e.client.claims.model.InformationRequestBody;
import io.cpor.e2e.client.claims.model.PartnerContactRequest;
import io.cpor.e2e.client.claims.model.WithdrawRequest;
import io.cpor.e2e.client.reviews.api.ReviewsApi;
import io.cpor.e2e.client.reviews.model.DecisionRequest;
import io.cpor.local.testing.Mailbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** The people and tools that use the stack, through its public surfaces only. */
public final class Actors {

    public static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final Stack stack;

    public Actors(Stack stack) {
        this.stack = stack;
    }

    /**
     * A partner integration: submits, reads, answers and withdraws claims with its own token, through the client a
     * generator made from the claims API's published document.
     */
    public final class Partner {

        private final String client;
        private final ClaimsApi claims;
        private final AssociationsApi associations;
        private final ObjectMapper json;

        private Partner(String client) {
            this.client = client;
            var api = new io.cpor.e2e.client.claims.ApiClient().setHttpClientBuilder(JudgedHttpClient.builder())
                    .setRequestInterceptor(request -> request.header("Authorization", "Bearer " + stack.token(client)))
                    .setReadTimeout(CALL_TIMEOUT);
            api.updateBaseUri(stack.url(8080));
            this.claims = new ClaimsApi(api);
            this.json = api.getObjectMapper();
            var associationsApi = new io.cpor.e2e.client.associations.ApiClient()
                    .setHttpClientBuilder(JudgedHttpClient.builder())
                    .setRequestInterceptor(request -> request.header("Authorization", "Bearer " + stack.token(client)))
                    .setReadTimeout(CALL_TIMEOUT);
            associationsApi.updateBaseUri(stack.url(8084));
            this.associations = new AssociationsApi(associationsApi);
        }

        /** The partner's associations with a tenant, newest first (the associations API). */
        public JsonNode associations(UUID tenantId) {
            try {
                return tree(json, associations.callList(tenantId, null, null, null, null, null).getItems());
            }
            catch (io.cpor.e2e.client.associations.ApiException e) {
                throw refused("list associations", e.getCode(), e.getResponseBody());
            }
        }

        /**
         * Submits the claim; a {@code 429} (this partner's changes of the minute are used up) is waited out as its
         * {@code Retry-After} says, as an integration should.
         */
        public UUID submit(ClaimSpec claim) {
            while (true) {
                try {
                    return claims.submit(request(claim), null, null).getClaimId();
                }
                catch (io.cpor.e2e.client.claims.ApiException e) {
                    if (e.getCode() != 429) {
                        throw refused("submit", e.getCode(), e.getResponseBody());
                    }
                    waitOut(e.getResponseHeaders().firstValue("Retry-After").orElse("1"));
                }
            }
        }

        /** Submits the claim and answers the status, for a partner (or a viewer) that may be refused. */
        public Http.Answer trySubmit(ClaimSpec claim) {
            try {
                return answered(json, claims.submit(request(claim), null, null));
            }
            catch (io.cpor.e2e.client.claims.ApiException e) {
                return new Http.Answer(e.getCode(), e.getResponseBody(), e.getResponseHeaders().map());
            }
        }

        /** Stores what the partner has written of a claim so far as a draft (its name and customer only). */
        public JsonNode startDraft(ClaimSpec claim) {
            try {
                ClaimRequest partial = new ClaimRequest().name(claim.name()).customer(new CustomerRequest()
                        .tenantId(claim.tenantId()).domain(claim.domain()).locale(claim.locale())
                        .contact(new ContactRequest().name("Ana Souza").email(claim.customerEmail())));
                return tree(json, claims.submit(partial, null, true));
            }
            catch (io.cpor.e2e.client.claims.ApiException e) {
                throw refused("start a draft", e.getCode(), e.getResponseBody());
            }
        }

        /** Completes the draft with the rest of the claim, by a merge patch. */
        public JsonNode completeDraft(UUID draftId, ClaimSpec claim) {
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> rest = new java.util.LinkedHashMap<>(json.convertValue(request(claim), Map.class));
                rest.keySet().removeAll(List.of("name", "customer"));
                return tree(json, claims.edit(draftId, rest));
            }
            catch (io.cpor.e2e.client.claims.ApiException e) {
                throw refused("edit draft " + draftId, e.getCode(), e.getResponseBody());
            }
        }

        public Http.Answer submitDraft(UUID draftId) {
            try {
                return answered(json, claims.submitDraft(draftId));
            }
            catch (io.cpor.e2e.client.claims.ApiException e) {
                return new Http.Answer(e.getCode(), e.getResponseBody(), e.getResponseHeaders().map());
            }
        }

        /** Ends an association ("Disassociate customer"). */
        public Http.Answer disassociate(UUID requestId, String reason) {
            try {
                return answered(json, associations.disassociate(requestId.toString(),
                        new io.cpor.e2e.client.associations.model.DisassociateRequest().reason(reason)));
            }
            catch (io.cpor.e2e.client.associations.ApiException e) {
                return new Http.Answer(e.getCode(), e.getResponseBody(), e.getResponseHeaders().map());
            }
        }

        /** The partner's claims as the CSV export gives them (the generated client reads JSON only). */
        public Http.Answer export(String query) {
            return Http.get(stack.url(8080) + "/api/v1/claims?" + query, stack.token(client), "text/csv");
        }

        public JsonNode claim(UUID claimId) {
            try {
                return tree(json, claims.get(claimId));
            }
            catch (io.cpor.e2e.client.claims.ApiException e) {
                throw refused("read claim " + claimId, e.getCode(), e.getResponseBody());
            }
        }

        /** The claim once it reaches the status (failing after two minutes, showing where it got to). */
        public JsonNode awaitStatus(UUID claimId, String status) {
            return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                    .until(() -> claim(claimId), claim -> status.equals(claim.path("status").asText()));
        }

        public Http.Answer answer(UUID claimId, String message) {
            try {
                return answered(json,
                        claims.provideInformation(claimId, new InformationRequestBody().message(message)));
            }
            catch (io.cpor.e2e.client.claims.ApiException e) {
                return new Http.Answer(e.getCode(), e.getResponseBody(), e.getResponseHeaders().map());
            }
        }

        /** Changes a claim while a validator's question is open (or a draft), by a merge patch. */
        public Http.Answer edit(UUID claimId, Map<String, Object> patch) {
            try {
                return answered(json, claims.edit(claimId, patch));
            }
            catch (io.cpor.e2e.client.claims.ApiException e) {
                return new Http.Answer(e.getCode(), e.getResponseBody(), e.getResponseHeaders().map());
            }
        }

        /** Disputes the claim's rejection. */
        public Http.Answer dispute(UUID claimId, String justification) {
            try {
                return answered(json, claims.dispute(claimId, new DisputeRequest().justification(justification)));
            }
            catch (io.cpor.e2e.client.claims.ApiException e) {
                return new Http.Answer(e.getCode(), e.getResponseBody(), e.getResponseHeaders().map());
            }
        }

        public Http.Answer withdraw(UUID claimId) {
            try {
                return answered(json,
                        claims.withdraw(claimId, new WithdrawRequest().reason("Submitted by mistake")));
            }
            catch (io.cpor.e2e.client.claims.ApiException e) {
                return new Http.Answer(e.getCode(), e.getResponseBody(), e.getResponseHeaders().map());
            }
        }
    }

    /** A Microsoft validator working from the review API, through the client generated from its document. */
    public final class Validator {

        private final ReviewsApi reviews;
        private final ObjectMapper json;

        private Validator() {
            var api = new io.cpor.e2e.client.reviews.ApiClient().setHttpClientBuilder(JudgedHttpClient.builder())
                    .setRequestInterceptor(request -> request.header("Authorization",
                            "Bearer " + stack.token("demo-validator")))
                    .setReadTimeout(CALL_TIMEOUT);
            api.updateBaseUri(stack.url(8082));
            this.reviews = new ReviewsApi(api);
            this.json = api.getObjectMapper();
        }

        public JsonNode awaitReview(UUID claimId, String state) {
            return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
                try {
                    return tree(json, reviews.get(claimId));
                }
                catch (io.cpor.e2e.client.reviews.ApiException e) {
                    if (e.getCode() == 404) {
                        return null;
                    }
                    throw refused("read review " + claimId, e.getCode(), e.getResponseBody());
                }
            }, review -> review != null && state.equals(review.path("state").asText()));
        }

        public Http.Answer decide(UUID claimId, Map<String, Object> decision) {
            DecisionRequest request = new DecisionRequest()
                    .decision(DecisionRequest.DecisionEnum.fromValue((String) decision.get("decision")))
                    .reason((String) decision.get("reason")).message((String) decision.get("message"));
            if (decision.get("reasons") instanceof List<?> reasons) {
                request.reasons(reasons.stream().map(reason -> DecisionRequest.ReasonsEnum.fromValue((String) reason))
                        .toList());
            }
            try {
                return answered(json, reviews.decide(claimId, request));
            }
            catch (io.cpor.e2e.client.reviews.ApiException e) {
                return new Http.Answer(e.getCode(), e.getResponseBody(), e.getResponseHeaders().map());
            }
        }

        public void approve(UUID claimId) {
            awaitReview(claimId, "PENDING");
            Http.Answer answer = decide(claimId, Map.of("decision", "APPROVE"));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        }
    }

    /** The claim as the generated client's model has it: every field the spec names, typed as the spec says. */
    private static ClaimRequest request(ClaimSpec spec) {
        return new ClaimRequest().partnerId(spec.partnerId()).name(spec.name())
                .customer(new CustomerRequest().tenantId(spec.tenantId()).domain(spec.domain())
                        .locale(spec.locale()).contact(new ContactRequest().name("Ana Souza").title("CIO")
                                .email(spec.customerEmail())))
                .partnerContact(new PartnerContactRequest().name("Sam Partner").email(spec.partnerEmail()))
                .solutionArea(ClaimRequest.SolutionAreaEnum.MODERN_WORK_SECURITY)
                .program(ClaimRequest.ProgramEnum.OSU_M365)
                .partnerRole(ClaimRequest.PartnerRoleEnum.USE_OR_CONSUME)
                .workloads(spec.workloads().stream().map(ClaimRequest.WorkloadsEnum::fromValue).toList())
                .proofOfExecution(new DocumentRequest().fileName("proof-of-execution.pdf")
                        .mediaType("application/pdf").sizeBytes(48213L).sha256(ClaimSpec.POE_SHA256)
                        .uri("https://files.partner.example/poe.pdf"))
                .programTermsAccepted(true);
    }

    private static void waitOut(String retryAfter) {
        try {
            Thread.sleep(Duration.ofSeconds(Math.max(1, Long.parseLong(retryAfter.trim()))).toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode tree(ObjectMapper mapper, Object model) {
        return mapper.valueToTree(model);
    }

    private static Http.Answer answered(ObjectMapper mapper, Object model) {
        return new Http.Answer(200, tree(mapper, model).toString(), Map.of());
    }

    private static AssertionError refused(String call, int status, String body) {
        return new AssertionError(call + " was answered " + status + ": " + body);
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
