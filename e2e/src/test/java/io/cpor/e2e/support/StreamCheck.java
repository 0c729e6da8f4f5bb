package io.cpor.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cpor.e2e.support.ClaimStream.Fate;
import io.cpor.e2e.support.ClaimStream.Sent;
import io.cpor.local.testing.Mailbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What must hold of a stream once it has settled, whatever fault it went through: every claim in the state its fate
 * gives, one claim per partner POST (however often it was retried), exactly one customer mail per approved claim and
 * none for the others, and no workload of a tenant held by two partners.
 */
public final class StreamCheck {

    private static final Set<String> FINAL = Set.of("ASSOCIATED", "REJECTED", "DECLINED_BY_CUSTOMER",
            "REMOVED_BY_CUSTOMER", "WITHDRAWN");
    private static final Pattern TENANT = Pattern.compile("tenant ([0-9a-f-]{36}) \\(");
    private static final Pattern PARTNER = Pattern.compile("PartnerID (\\d+)");

    /** What a check counted. */
    public record Report(String stream, int claims, int approved, int customerMails, int duplicateMails,
            int postRetries) {

        @Override
        public String toString() {
            return String.format("%s: %d claims (%d approved), %d customer mails, %d duplicates, %d POSTs retried",
                    stream, claims, approved, customerMails, duplicateMails, postRetries);
        }
    }

    private final Stack stack;

    public StreamCheck(Stack stack) {
        this.stack = stack;
    }

    /** Waits (five minutes at most) for every claim to reach a final state, then checks everything. */
    public Report verify(ClaimStream stream, List<Sent> sent) {
        Map<UUID, JsonNode> views = awaitFinal(sent);
        List<String> wrong = new ArrayList<>();
        for (Sent claim : sent) {
            String problem = problem(claim, views.get(claim.claimId()));
            if (problem != null) {
                wrong.add(claim.spec().name() + " (" + claim.claimId() + "): " + problem);
            }
        }
        assertThat(wrong).as("claims not in the state their fate gives").isEmpty();
        assertNoWorkloadHeldTwice(sent, views);
        assertOneClaimPerPost(sent);
        int[] mails = assertOneCustomerMailPerApprovedClaim(stream, sent);
        int approved = (int) sent.stream().filter(claim -> approved(claim.fate())).count();
        return new Report(stream.label(), sent.size(), approved, mails[0], mails[1], stream.retries());
    }

    private Map<UUID, JsonNode> awaitFinal(List<Sent> sent) {
        Map<UUID, JsonNode> views = new ConcurrentHashMap<>();
        try {
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                for (Sent claim : sent) {
                    JsonNode known = views.get(claim.claimId());
                    if (known == null || !FINAL.contains(known.path("status").asText())) {
                        read(claim).ifPresent(view -> views.put(claim.claimId(), view));
                    }
                }
                return sent.stream().allMatch(claim -> views.containsKey(claim.claimId())
                        && FINAL.contains(views.get(claim.claimId()).path("status").asText()));
            });
        }
        catch (org.awaitility.core.ConditionTimeoutException e) {
            Map<String, Long> stuck = sent.stream().map(claim -> views.containsKey(claim.claimId())
                    ? views.get(claim.claimId()).path("status").asText() : "unreadable")
                    .filter(status -> !FINAL.contains(status))
                    .collect(Collectors.groupingBy(status -> status, Collectors.counting()));
            throw new AssertionError("Claims not final after 5 minutes, by status: " + stuck, e);
        }
        return views;
    }

    private java.util.Optional<JsonNode> read(Sent claim) {
        try {
            Http.Answer answer = Http.get(stack.url(8080) + "/api/v1/claims/" + claim.claimId(),
                    stack.token(claim.client()));
            return answer.status() == 200 ? java.util.Optional.of(answer.json()) : java.util.Optional.empty();
        }
        catch (RuntimeException unreachable) {
            return java.util.Optional.empty();
        }
    }

    private static String problem(Sent claim, JsonNode view) {
        String status = view.path("status").asText();
        List<String> states = view.path("workloads").findValuesAsText("state");
        switch (claim.fate()) {
            case APPROVE:
                return status.equals("ASSOCIATED") && states.stream().allMatch("ACTIVE"::equals) ? null
                        : "expected ASSOCIATED with every workload ACTIVE, was " + view;
            case CONTEST:
                return status.equals("ASSOCIATED") ? null : "expected ASSOCIATED, was " + view;
            case REJECT:
                return status.equals("REJECTED") ? null : "expected REJECTED, was " + view;
            case MISMATCH:
                return status.equals("REJECTED") && view.toString().contains("TENANT_DOMAIN_MISMATCH") ? null
                        : "expected REJECTED for TENANT_DOMAIN_MISMATCH, was " + view;
            default:
                throw new IllegalArgumentException(claim.fate().name());
        }
    }

    /** Per tenant and workload, at most one claim holds it (ACTIVE); of each contested pair exactly one has Teams. */
    private void assertNoWorkloadHeldTwice(List<Sent> sent, Map<UUID, JsonNode> views) {
        Map<String, List<String>> holders = new HashMap<>();
        for (Sent claim : sent) {
            for (JsonNode workload : views.get(claim.claimId()).path("workloads")) {
                if ("ACTIVE".equals(workload.path("state").asText())) {
                    holders.computeIfAbsent(claim.spec().tenantId() + "/" + workload.path("workload").asText(),
                            key -> new ArrayList<>()).add(claim.spec().name());
                }
            }
        }
        assertThat(holders.entrySet().stream().filter(held -> held.getValue().size() > 1).toList())
                .as("workloads held by two claims").isEmpty();
        Map<UUID, List<Sent>> pairs = sent.stream().filter(claim -> claim.fate() == Fate.CONTEST)
                .collect(Collectors.groupingBy(claim -> claim.spec().tenantId()));
        for (Map.Entry<UUID, List<Sent>> pair : pairs.entrySet()) {
            assertThat(pair.getValue()).hasSize(2);
            assertThat(holders.get(pair.getKey() + "/TEAMS")).as("Teams of tenant %s", pair.getKey()).hasSize(1);
            // The owner of reservations agrees: one active association of the tenant has Teams reserved.
            long reserved = pair.getValue().stream().mapToLong(claim -> teamsReservedAndActive(claim)).sum();
            assertThat(reserved).as("association-service: Teams of tenant %s", pair.getKey()).isEqualTo(1);
        }
    }

    private long teamsReservedAndActive(Sent claim) {
        Http.Answer answer = Http.get(stack.url(8084) + "/api/v1/associations?tenantId=" + claim.spec().tenantId(),
                stack.token(claim.client()));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        long count = 0;
        for (JsonNode association : answer.json().path("items")) {
            for (JsonNode workload : association.path("workloads")) {
                if ("ACTIVE".equals(association.path("state").asText())
                        && "TEAMS".equals(workload.path("workload").asText())
                        && "RESERVED".equals(workload.path("outcome").asText())) {
                    count++;
                }
            }
        }
        return count;
    }

    /** However often a POST was retried, the partner has one claim for it: its list for the tenant shows one. */
    private void assertOneClaimPerPost(List<Sent> sent) {
        List<String> duplicated = new ArrayList<>();
        for (Sent claim : sent) {
            Http.Answer answer = Http.get(stack.url(8080) + "/api/v1/claims?limit=10&tenantId="
                    + claim.spec().tenantId(), stack.token(claim.client()));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            int found = answer.json().path("items").size();
            if (found != 1) {
                duplicated.add(claim.spec().name() + ": " + found + " claims");
            }
        }
        assertThat(duplicated).as("claims created more than once").isEmpty();
    }

    /** Answers the number of customer mails and of duplicates (always 0 when it returns). */
    private int[] assertOneCustomerMailPerApprovedClaim(ClaimStream stream, List<Sent> sent) {
        // A customer of each tenant (the two partners of a contested tenant ask the same person).
        List<Mailbox.Mail> mails = sent.stream().map(claim -> claim.spec().customerEmail()).distinct()
                .flatMap(address -> Mailbox.of(stack.endpoints(), address).mails().stream()).toList();
        Map<String, Integer> perRequest = new LinkedHashMap<>();
        for (Mailbox.Mail mail : mails) {
            Matcher tenant = TENANT.matcher(mail.text());
            Matcher partner = PARTNER.matcher(mail.text());
            assertThat(tenant.find() && partner.find()).as("tenant and PartnerID in %s", mail.text()).isTrue();
            perRequest.merge(tenant.group(1) + "/" + partner.group(1), 1, Integer::sum);
        }
        Map<String, Integer> expected = sent.stream().filter(claim -> approved(claim.fate())).collect(
                Collectors.toMap(claim -> claim.spec().tenantId() + "/" + claim.spec().partnerId(), claim -> 1));
        int duplicates = perRequest.values().stream().mapToInt(count -> count - 1).sum();
        assertThat(perRequest).as("customer mails per tenant/partner").isEqualTo(expected);
        return new int[] {mails.size(), duplicates};
    }

    private static boolean approved(Fate fate) {
        return fate == Fate.APPROVE || fate == Fate.CONTEST;
    }
}
