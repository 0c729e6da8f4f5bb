package io.cpor.e2e.support;

import io.cpor.events.review.ReviewDecision;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stream of claims from two partners as their integrations send them: paced over a spread, four at a time, each
 * POST retried with its Idempotency-Key until the claim-service accepts it, through restarts and outages. What each
 * claim is meant to become is the last word of its name, so the {@link ValidatorTool} decides from what it reads.
 *
 * <p>Of every ten claims: six to approve, one the validator rejects, one whose domain is not its tenant's (rejected
 * by the checks), and a pair from both partners for the same tenant that both want Teams (one gets it).
 */
public final class ClaimStream {

    public static final String NAME_PREFIX = "fault ";
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(5);

    /** What a claim is meant to become. */
    public enum Fate {
        APPROVE, REJECT, MISMATCH, CONTEST;

        /** The fate a claim's name states, as the validator tool reads it. */
        public static Fate of(String claimName) {
            return valueOf(claimName.substring(claimName.lastIndexOf(' ') + 1).toUpperCase(java.util.Locale.ROOT));
        }
    }

    /**
     * How the validator tool decides the streams' claims: as their names say, and an arbitration between a contested
     * pair for the partner that holds Teams already (so one of the pair has it); others it leaves alone.
     */
    public static ValidatorTool.Policy validatorPolicy() {
        return review -> {
            String name = review.getClaim().getName();
            if (!name.startsWith(NAME_PREFIX)) {
                return null;
            }
            if (review.getTrigger() == io.cpor.events.review.ReviewTrigger.ARBITRATION) {
                return ReviewDecision.KEEP_HOLDER;
            }
            return Fate.of(name) == Fate.REJECT ? ReviewDecision.REJECT : ReviewDecision.APPROVE;
        };
    }

    /** A claim of the stream, once accepted. */
    public record Sent(ClaimSpec spec, Fate fate, String client, UUID claimId) {
    }

    private final Stack stack;
    private final String label;
    private final int count;
    private final Duration spread;
    private final ExecutorService partners = Executors.newFixedThreadPool(4);
    private final List<Future<Sent>> pending = new ArrayList<>();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();

    private ClaimStream(Stack stack, String label, int count, Duration spread) {
        if (count % 10 != 0) {
            throw new IllegalArgumentException("a stream is whole tens of claims, not " + count);
        }
        this.stack = stack;
        this.label = label;
        this.count = count;
        this.spread = spread;
    }

    /** Starts sending {@code count} claims, evenly over {@code spread}. */
    public static ClaimStream start(Stack stack, String label, int count, Duration spread) {
        ClaimStream stream = new ClaimStream(stack, label, count, spread);
        stream.begin();
        return stream;
    }

    public String label() {
        return label;
    }

    /** Claims the claim-service accepted so far. */
    public int accepted() {
        return accepted.get();
    }

    /** How many claims the stream sends. */
    public int size() {
        return count;
    }

    /** POSTs that had to be sent again (refused connections, 5xx, timeouts while a service or the platform was away). */
    public int retries() {
        return retries.get();
    }

    private void begin() {
        long start = System.nanoTime();
        long step = spread.toNanos() / count;
        for (int index = 0; index < count; index++) {
            long due = start + index * step;
            int position = index % 10;
            if (position == 9) {
                continue; // sent with its pair at position 8
            }
            boolean byPartnerTwo = position % 2 == 1 && position < 6;
            // Each customer is a person of its own tenant's domain: the consent mail may go nowhere else.
            ClaimSpec spec = ClaimSpec.fresh(byPartnerTwo ? "1000002" : "1000001", label);
            String name = NAME_PREFIX + label + " " + index + " ";
            if (position < 6) {
                pending.add(send(due, spec.name(name + "approve"), Fate.APPROVE,
                        byPartnerTwo ? "demo-partner-2" : "demo-partner-1"));
            }
            else if (position == 6) {
                pending.add(send(due, spec.name(name + "reject"), Fate.REJECT, "demo-partner-1"));
            }
            else if (position == 7) {
                pending.add(send(due, spec.name(name + "mismatch").tenant(UUID.randomUUID()), Fate.MISMATCH,
                        "demo-partner-1"));
            }
            else {
                ClaimSpec first = spec.name(name + "contest").workloads("TEAMS", "EXCHANGE_ONLINE");
                ClaimSpec second = first.byPartner("1000002").name(NAME_PREFIX + label + " " + (index + 1)
                        + " contest").workloads("TEAMS", "INTUNE");
                pending.add(send(due, first, Fate.CONTEST, "demo-partner-1"));
                pending.add(send(due, second, Fate.CONTEST, "demo-partner-2"));
            }
        }
        partners.shutdown();
    }

    private Future<Sent> send(long due, ClaimSpec spec, Fate fate, String client) {
        return partners.submit(() -> {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            Sent sent = new Sent(spec, fate, client, submit(spec, client));
            accepted.incrementAndGet();
            return sent;
        });
    }

    /** POSTs until accepted, always with the same Idempotency-Key, as a careful integration does. */
    private UUID submit(ClaimSpec spec, String client) throws InterruptedException {
        String key = UUID.randomUUID().toString();
        long giveUp = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        String last = "nothing";
        while (System.nanoTime() < giveUp) {
            try {
                Http.Answer answer = Http.post(stack.url(8080) + "/api/v1/claims", stack.token(client), spec.body(),
                        Map.of("Idempotency-Key", key));
                if (answer.status() == 202) {
                    return UUID.fromString(answer.json().path("claimId").asText());
                }
                if (answer.status() < 500 && answer.status() != 401 && answer.status() != 429) {
                    throw new AssertionError("The claim-service refused " + spec.name() + ": " + answer);
                }
                last = answer.toString();
            }
            catch (UncheckedIOException | IllegalStateException unreachable) {
                last = unreachable.toString();
            }
            retries.incrementAndGet();
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new AssertionError("No answer but failures for " + GIVE_UP_AFTER + " for " + spec.name() + "; last: "
                + last);
    }

    /** Every claim of the stream once the claim-service accepted it. */
    public List<Sent> awaitAccepted() {
        List<Sent> sent = new ArrayList<>();
        try {
            for (Future<Sent> claim : pending) {
                sent.add(claim.get(GIVE_UP_AFTER.toSeconds() + spread.toSeconds(), TimeUnit.SECONDS));
            }
            return sent;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError failure) {
                throw failure;
            }
            throw new IllegalStateException("A partner failed", e.getCause());
        }
        catch (TimeoutException e) {
            throw new AssertionError("Claims of " + label + " still not accepted", e);
        }
    }
}
