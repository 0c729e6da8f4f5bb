package io.cpor.bench;

import io.cpor.e2e.support.ClaimSpec;
import io.cpor.e2e.support.Http;
import io.cpor.e2e.support.ValidatorTool;
import io.cpor.events.EventMetadata;
import io.cpor.events.claims.ClaimSubmitted;
import io.cpor.events.review.ReviewDecision;
import io.cpor.local.Endpoints;
import io.cpor.local.testing.DemoTokens;
import io.cpor.schemas.Topics;
import io.cpor.schemas.serde.AvroSerdeConfig;
import io.cpor.schemas.serde.AvroSerializer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code ./cpor bench}: throughput, latency and memory of the stack as {@code ./cpor up} starts it, against the
 * platform's own limit measured in the same run. Prints a table and appends it to {@code BENCHMARKS.md}.
 */
public final class Bench {

    private final Map<String, String> settings;
    private final Endpoints platform;
    private final int offset;
    private final List<String[]> rows = new ArrayList<>();

    private Bench(Map<String, String> settings) {
        this.settings = settings;
        this.offset = Integer.parseInt(settings.getOrDefault("offset", "0"));
        String host = "127.0.0.1";
        this.platform = new Endpoints(host + ":" + port(9092), "mongodb://" + host + ":" + port(27017),
                "http://" + host + ":" + port(8081), "http://" + host + ":" + port(9000), host, port(1025),
                port(1143), "http://localhost:" + port(8025), "http://" + host + ":" + port(8090),
                "http://" + host + ":" + port(8091), "http://" + host + ":" + port(8092), true);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>(Map.of("claims", "10000", "paced-claims", "3000",
                "in-flight", "16", "timers", "20000", "intake-seconds", "15", "kafka-events", "50000",
                "mongo-documents", "10000", "history", "100000", "warmup", "500",
                "phases", "baselines,pipeline,history,intake,timers"));
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Arguments are --name=value, not " + arg);
            }
            settings.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        new Bench(settings).run();
    }

    private int port(int standard) {
        return standard + offset;
    }

    private int setting(String name) {
        return Integer.parseInt(settings.get(name));
    }

    private void run() throws Exception {
        Path data = Path.of(settings.get("data"));
        Memory memory = new Memory(data.resolve("run"));
        Map<String, Long> idle = memory.resident();
        say("Idle resident memory (MiB): " + idle);

        double kafkaRate = 0;
        double mongoRate = 0;
        if (phase("baselines")) {
            ClaimSubmitted event = typicalEvent();
            int documentBytes = 1024;
            kafkaRate = Baselines.kafka(platform, event, setting("kafka-events"));
            row("Kafka baseline: " + serializedSize(event) + "-byte Avro events produced and consumed",
                    per(kafkaRate, "events"));
            mongoRate = Baselines.mongo(platform, documentBytes, setting("mongo-documents"), 16);
            row("MongoDB-wire baseline: " + documentBytes + "-byte insert + guarded update", per(mongoRate, "ops"));
        }
        Pipeline.Run empty = null;
        if (phase("pipeline")) {
            empty = runPipeline(kafkaRate, mongoRate, new Cpu(data.resolve("run")));
        }
        if (phase("history") && empty != null) {
            runWithHistory(empty);
        }
        // The intake and timer runs stop services: their peaks are read before.
        Map<String, Long> peak = new LinkedHashMap<>(memory.peak());
        if (phase("intake")) {
            runIntake(data);
        }
        if (phase("timers")) {
            runTimers(data);
        }

        memory.peak().forEach((process, mib) -> peak.merge(process, mib, Math::max));
        idle.forEach((process, mib) -> row("Resident memory of " + process + " (MiB)", "idle " + mib + ", peak "
                + peak.getOrDefault(process, -1L)));
        peak.forEach((process, mib) -> {
            if (!idle.containsKey(process)) {
                row("Resident memory of " + process + " (MiB)", "peak " + mib);
            }
        });
        report();
    }

    private boolean phase(String name) {
        return List.of(settings.get("phases").split(",")).contains(name);
    }

    /**
     * The pipeline at full and at half rate, and the CPU each process spent at full rate; the ratio to the platform
     * bound when the baselines were measured.
     */
    private Pipeline.Run runPipeline(double kafkaRate, double mongoRate, Cpu cpu) throws Exception {
        Pipeline pipeline = new Pipeline(platform, "http://localhost:" + port(8080) + "/api/v1/claims");
        Pipeline.Run closed;
        Pipeline.Run paced;
        Map<String, Double> cpuPerClaim;
        try (ValidatorTool tool = ValidatorTool.start(platform, review -> review.getClaim().getName()
                .startsWith(Pipeline.NAME_PREFIX) ? ReviewDecision.APPROVE : null)) {
            // The JVMs compile their hot paths first, so the empty store's run is not also the coldest.
            say("Warm-up: " + setting("warmup") + " claims");
            pipeline.closedLoop(setting("warmup"), setting("in-flight"));
            say("Pipeline: " + setting("claims") + " claims, " + setting("in-flight") + " POSTs in flight");
            Map<String, Double> before = cpu.used();
            closed = pipeline.closedLoop(setting("claims"), setting("in-flight"));
            cpuPerClaim = new LinkedHashMap<>();
            Cpu.between(before, cpu.used()).forEach((process, seconds) -> cpuPerClaim.put(process,
                    seconds / setting("claims")));
            double half = closed.notifiedPerSecond() / 2;
            say(String.format("Pipeline at half that rate: %d claims at %.1f/s", setting("paced-claims"), half));
            paced = pipeline.openLoop(setting("paced-claims"), half);
        }
        row("Events per claim (counted on the topics)", String.format("%.1f", closed.eventsPerClaim()));
        row("MongoDB writes per claim (counted by the server)", String.format("%.1f", closed.writesPerClaim()));
        row("MongoDB writes per claim, by database.collection", byCollection(closed));
        if (kafkaRate > 0) {
            double serialBound = 1 / (closed.eventsPerClaim() / kafkaRate + closed.writesPerClaim() / mongoRate);
            row("Platform bound (events/claim ÷ Kafka rate + writes/claim ÷ MongoDB rate)",
                    per(serialBound, "claims"));
            row("Pipeline / platform bound", String.format("%.0f%%", 100 * closed.notifiedPerSecond() / serialBound));
        }
        row("CPU milliseconds per claim at full rate, by process (from /proc; bench: load generator and validator tool)",
                cpuPerClaim.entrySet().stream().map(entry -> String.format("%s %.1f", entry.getKey(),
                        1000 * entry.getValue())).collect(java.util.stream.Collectors.joining(", "))
                        + String.format("; all %.1f", 1000 * cpuPerClaim.values().stream()
                        .mapToDouble(Double::doubleValue).sum()));
        row("Pipeline: claims accepted (HTTP 202)", per(closed.acceptedPerSecond(), "claims"));
        row("Pipeline: claims to CustomerNotified", per(closed.notifiedPerSecond(), "claims"));
        row("Latency POST → CustomerNotified, at full rate", closed.toNotified().summary());
        row("Latency POST → AssociationActivated, at full rate", closed.toActivated().summary());
        row(String.format("Latency POST → CustomerNotified, at half rate (%.1f/s)", closed.notifiedPerSecond() / 2),
                paced.toNotified().summary());
        row("Latency POST → AssociationActivated, at half rate", paced.toActivated().summary());
        if (closed.unfinished() + paced.unfinished() > 0) {
            row("Claims not through when the run stopped waiting (their customer mail still retried)",
                    Long.toString(closed.unfinished() + paced.unfinished()));
        }
        return closed;
    }

    /** The same closed loop again, once the store holds {@code history} claims: does the cost grow with them? */
    private void runWithHistory(Pipeline.Run empty) throws Exception {
        long target = setting("history");
        say("History: cloning the stored claims until " + target + " are stored");
        History.Seeded seeded = History.seed(platform, target);
        row(String.format("History: claims stored before the second run (cloned, %d documents in %.0f s%s)",
                seeded.documents(), seeded.took().toMillis() / 1000.0, seeded.refused() > 0 ? ", "
                        + seeded.refused() + " refused as duplicates" : ""), Long.toString(seeded.claims()));
        Pipeline pipeline = new Pipeline(platform, "http://localhost:" + port(8080) + "/api/v1/claims");
        Pipeline.Run full;
        try (ValidatorTool tool = ValidatorTool.start(platform, review -> review.getClaim().getName()
                .startsWith(Pipeline.NAME_PREFIX) ? ReviewDecision.APPROVE : null)) {
            say("Pipeline with " + seeded.claims() + " claims stored: " + setting("claims") + " claims");
            full = pipeline.closedLoop(setting("claims"), setting("in-flight"));
        }
        String stored = String.format("%,d", target);
        row("Pipeline with " + stored + " claims stored: claims to CustomerNotified",
                per(full.notifiedPerSecond(), "claims"));
        row("MongoDB writes per claim with " + stored + " claims stored", String.format("%.1f (%s)",
                full.writesPerClaim(), byCollection(full)));
        row("Pipeline with " + stored + " claims stored / empty store", String.format("%.2f",
                full.notifiedPerSecond() / empty.notifiedPerSecond()));
    }

    /**
     * The POST path against the liveness probe of the same service, by the bench's own generator: distinct claims,
     * first with every service running, then with the services downstream of claim-service stopped (the POST path
     * alone). The timers phase starts association-service again.
     */
    private void runIntake(Path data) throws Exception {
        int seconds = setting("intake-seconds");
        int connections = 16;
        String claimsUrl = "http://127.0.0.1:" + port(8080) + "/api/v1/claims";
        String liveness = "http://127.0.0.1:" + port(18080) + "/actuator/health/liveness";
        String[] tokens = {DemoTokens.of(platform, "demo-partner-1"), DemoTokens.of(platform, "demo-partner-2")};
        Intake.Load trivial = Intake.get(liveness, connections, seconds);
        row(String.format("Intake baseline: GET /actuator/health/liveness (bench generator, %d connections)",
                connections), String.format("%.0f req/s, p99 %.1f ms", trivial.perSecond(), trivial.p99Millis()));
        Intake.Load running = Intake.post(claimsUrl, tokens, connections, seconds, 600);
        row(String.format("Intake: POST /api/v1/claims, distinct claims, downstream running (%d connections)",
                connections), intake(running));
        Path cpor = Path.of(settings.get("cpor"));
        for (String service : List.of("validation-service", "notification-service", "association-service")) {
            run(cpor, data, "stop", service);
        }
        Intake.Load trivialAlone = Intake.get(liveness, connections, seconds);
        row(String.format("Intake baseline, downstream stopped: GET /actuator/health/liveness (%d connections)",
                connections), String.format("%.0f req/s, p99 %.1f ms", trivialAlone.perSecond(),
                trivialAlone.p99Millis()));
        Intake.Load alone = Intake.post(claimsUrl, tokens, connections, seconds, 600);
        row(String.format("Intake: POST /api/v1/claims, distinct claims, downstream stopped (%d connections)",
                connections), intake(alone));
        row("Intake / trivial endpoint, downstream running", String.format("%.0f%%", 100 * running.perSecond()
                / trivial.perSecond()));
        row("Intake / trivial endpoint, downstream stopped (the POST path alone)", String.format("%.0f%%", 100
                * alone.perSecond() / trivialAlone.perSecond()));
    }

    private static String byCollection(Pipeline.Run run) {
        return run.writesByCollection().entrySet().stream().filter(entry -> !entry.getKey().isEmpty())
                .map(entry -> String.format("%s %.1f", entry.getKey(), entry.getValue()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String intake(Intake.Load load) {
        return String.format("%.0f claims/s, p99 %.1f ms%s", load.perSecond(), load.p99Millis(), load.notOk() > 0
                ? ", " + load.notOk() + " not 2xx" : "");
    }

    private void runTimers(Path data) throws Exception {
        Path cpor = Path.of(settings.get("cpor"));
        // No mail may set its own deadline: the notification-service stops for the timer runs (the intake phase
        // stopped it and association-service already).
        if (phase("intake")) {
            run(cpor, data, "restart", "association-service");
        }
        else {
            run(cpor, data, "stop", "notification-service");
        }
        // Operations answer on the management port; the timers' details only to an operator's token.
        TimerBacklog backlog = new TimerBacklog(platform, "http://127.0.0.1:" + port(18084));
        TimerBacklog.Run one = backlog.run(setting("timers"));
        row(String.format("Timers: %d due at once, one association-service", one.timers()), timers(one));
        run(cpor, data, "instance", "association-service", "2");
        TimerBacklog.Run two = backlog.run(setting("timers"));
        row(String.format("Timers: %d due at once, two association-service instances", two.timers()), timers(two));
    }

    private static String timers(TimerBacklog.Run run) {
        return String.format("%.0f activations/s (drained in %.1f s%s)", run.activationsPerSecond(),
                run.drained().toMillis() / 1000.0, run.allStoredBeforeDue() ? "" : "; NOT all stored before due");
    }

    private void run(Path cpor, Path data, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(cpor.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("CPOR_DATA_DIR", data.toString());
        builder.environment().put("CPOR_PORT_OFFSET", Integer.toString(offset));
        builder.environment().put("CPOR_SKIP_BUILD", "1");
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("./cpor " + String.join(" ", arguments) + " failed: " + exit);
        }
    }

    private ClaimSubmitted typicalEvent() {
        ClaimSpec spec = ClaimSpec.fresh("1000001", "baseline");
        return ClaimSubmitted.newBuilder().setMetadata(EventMetadata.newBuilder().setEventId(UUID.randomUUID())
                        .setClaimId(UUID.randomUUID()).setCausationId(UUID.randomUUID())
                        .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build())
                .setClaim(spec.claim()).build();
    }

    private int serializedSize(Object event) {
        AvroSerializer serializer = new AvroSerializer();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.schemaRegistryUrl()), false);
        return serializer.serialize(Topics.CLAIMS_SUBMITTED, event).length;
    }

    private static String per(double rate, String unit) {
        return String.format("%.0f %s/s", rate, unit);
    }

    private void row(String measure, String value) {
        rows.add(new String[] {measure, value});
        say(measure + ": " + value);
    }

    private void report() throws IOException {
        Runtime runtime = Runtime.getRuntime();
        long memoryGib = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() >> 30;
        StringBuilder table = new StringBuilder();
        table.append("\n## ").append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .format(Instant.now().atOffset(ZoneOffset.UTC))).append("\n\n");
        table.append("Machine: ").append(runtime.availableProcessors()).append(" cores, ").append(memoryGib)
                .append(" GiB, ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version")).append(". Settings: ").append(settings.entrySet().stream()
                        .filter(entry -> !List.of("cpor", "data", "out", "decline-window").contains(entry.getKey()))
                        .map(entry -> entry.getKey() + "=" + entry.getValue()).toList())
                .append(", decline window ").append(settings.getOrDefault("decline-window", "?")).append(".\n\n");
        table.append("| measure | value |\n| --- | --- |\n");
        for (String[] row : rows) {
            table.append("| ").append(row[0]).append(" | ").append(row[1]).append(" |\n");
        }
        System.out.println(table);
        Path out = Path.of(settings.getOrDefault("out", "BENCHMARKS.md"));
        if (!Files.exists(out)) {
            Files.writeString(out, "# Benchmarks\n\nEach run of `./cpor bench` appends its table below.\n",
                    StandardCharsets.UTF_8);
        }
        Files.writeString(out, table, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        say("Appended to " + out);
    }

    private static void say(String line) {
        System.out.println("[bench " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "] " + line);
    }

}
