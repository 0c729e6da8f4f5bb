package io.cpor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cpor.e2e.support.ClaimSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * The claim-service's HTTP intake under load from this process, closed loop: a number of connections, each sending
 * its next request when the answer to the last one came. POSTs carry distinct valid claims (each for a fresh sandbox
 * tenant, with its own {@code Idempotency-Key}), built before the clock starts; the baseline is a trivial endpoint of
 * the same service (its liveness probe), loaded the same way, by the same generator, for the same time.
 */
final class Intake {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Requests per second, p99 in milliseconds, and answers that were not 2xx. */
    record Load(double perSecond, double p99Millis, long notOk) {
    }

    private Intake() {
    }

    static Load get(String url, int connections, int seconds) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
        return load(() -> request, connections, seconds);
    }

    /**
     * POSTs of distinct claims by the two partners whose tokens are given, alternately. Enough claims for {@code
     * expectedPerSecond} are built first; should the service take more, more are built as it goes.
     */
    static Load post(String url, String[] tokens, int connections, int seconds, int expectedPerSecond)
            throws Exception {
        ConcurrentLinkedQueue<HttpRequest> requests = new ConcurrentLinkedQueue<>();
        AtomicLong built = new AtomicLong();
        Supplier<HttpRequest> next = () -> {
            long i = built.getAndIncrement();
            String partnerId = i % 2 == 0 ? "1000001" : "1000002";
            try {
                return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + tokens[(int) (i % 2)])
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(
                                ClaimSpec.fresh(partnerId, "intake").body())))
                        .build();
            }
            catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        for (int i = 0; i < expectedPerSecond * seconds; i++) {
            requests.add(next.get());
        }
        return load(() -> {
            HttpRequest request = requests.poll();
            return request != null ? request : next.get();
        }, connections, seconds);
    }

    private static Load load(Supplier<HttpRequest> requests, int connections, int seconds)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Histogram latencies = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        AtomicLong done = new AtomicLong();
        AtomicLong notOk = new AtomicLong();
        long began = System.nanoTime();
        long end = began + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread worker = new Thread(() -> {
                Histogram mine = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
                while (System.nanoTime() < end) {
                    HttpRequest request = requests.get();
                    long start = System.nanoTime();
                    try {
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() / 100 != 2) {
                            notOk.incrementAndGet();
                        }
                    }
                    catch (java.io.IOException e) {
                        notOk.incrementAndGet();
                    }
                    catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    long micros = (System.nanoTime() - start) / 1000;
                    mine.recordValue(Math.min(micros, mine.getHighestTrackableValue()));
                    done.incrementAndGet();
                }
                synchronized (latencies) {
                    latencies.add(mine);
                }
            }, "bench-intake-" + c);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - began) / 1e9;
        return new Load(done.get() / elapsed, latencies.getValueAtPercentile(99) / 1000.0, notOk.get());
    }
}
