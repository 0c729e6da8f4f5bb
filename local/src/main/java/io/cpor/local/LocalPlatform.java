package io.cpor.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cpor.local.http.HttpApp;
import io.cpor.local.issuer.Issuer;
import io.cpor.local.kafka.KafkaAccess;
import io.cpor.local.kafka.KafkaBroker;
import io.cpor.local.kafka.TopicSetup;
import io.cpor.local.mail.InboxPage;
import io.cpor.local.mail.MailServer;
import io.cpor.local.mongo.DurableMongoServer;
import io.cpor.local.partners.PartnerDirectory;
import io.cpor.local.subscriptions.SubscriptionDirectory;
import io.cpor.local.registry.SchemaRegistryServer;
import io.cpor.local.tenants.TenantDirectory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded platform in one process: a KRaft Kafka broker with the contract's topics, a MongoDB wire-protocol
 * server, the schema registry, the OAuth2 issuer, SMTP and IMAP with an inbox page, and the tenant directory.
 * {@link #start} returns when every part answers; {@link #close} stops them in reverse order. Kafka and MongoDB can
 * be {@link ExternalServices} instead (the tests' containers): the platform then creates the topics there.
 */
public final class LocalPlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PlatformSettings settings;
    private final ExternalServices external;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private Endpoints endpoints;
    private KafkaBroker kafka;

    private LocalPlatform(PlatformSettings settings, ExternalServices external) {
        this.settings = settings;
        this.external = external;
    }

    /** Starts every part, in order, and returns once all are ready; fails (stopping what started) otherwise. */
    public static LocalPlatform start(PlatformSettings settings) {
        return start(settings, ExternalServices.NONE);
    }

    /** Starts every part but those {@code external} provides, which it connects to instead. */
    public static LocalPlatform start(PlatformSettings settings, ExternalServices external) {
        settings.ports().requireFree(settings.host());
        LocalPlatform platform = new LocalPlatform(settings, external);
        try {
            platform.startParts();
            return platform;
        }
        catch (RuntimeException | IOException e) {
            platform.close();
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    private void startParts() throws IOException {
        String host = settings.host();
        Ports ports = settings.ports();
        Path data = settings.dataDirectory().toAbsolutePath();
        long began = System.nanoTime();
        // The broker and the issuer take seconds to start; everything else starts meanwhile.
        CompletableFuture<KafkaBroker> broker = external.kafka() ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> KafkaBroker.start(host, ports.kafka(), ports.kafkaController(),
                        data.resolve("kafka"), settings.partitions()));
        CompletableFuture<Issuer> issuer = CompletableFuture.supplyAsync(() -> Issuer.start(host, ports.issuer(),
                data.resolve("issuer")));
        try {
            String mongoUri = external.mongo() ? external.mongoUri() : keep(DurableMongoServer.start(host,
                    ports.mongo(), data.resolve("mongo").resolve("cpor.mv.db"))).connectionString();
            SchemaRegistryServer registry = keep(SchemaRegistryServer.start(host, ports.schemaRegistry(),
                    data.resolve("registry")));
            MailServer mail = keep(MailServer.start(host, ports.smtp(), ports.imap(), data.resolve("mail")));
            HttpApp tenants = keep(TenantDirectory.start(host, ports.tenantDirectory()));
            HttpApp partners = keep(PartnerDirectory.start(host, ports.partnerDirectory()));
            HttpApp subscriptions = keep(SubscriptionDirectory.start(host, ports.subscriptionDirectory()));
            String bootstrapServers = external.kafkaBootstrapServers();
            if (!external.kafka()) {
                kafka = keep(broker.join());
                bootstrapServers = kafka.bootstrapServers();
            }
            // Its own broker takes principals (SASL/SCRAM) and enforces ACLs; a container's is left plain.
            boolean sasl = !external.kafka();
            Map<String, Object> adminSettings = sasl
                    ? KafkaAccess.clientSettings(KafkaAccess.ADMIN, KafkaAccess.LOCAL_SECRET) : Map.of();
            try (Admin admin = KafkaBroker.admin(bootstrapServers, adminSettings)) {
                TopicSetup.createContractTopics(admin, settings.partitions());
            }
            Issuer oauth = keep(issuer.join());
            endpoints = new Endpoints(bootstrapServers, mongoUri, registry.url(),
                    oauth.issuerUrl(), host, mail.smtpPort(), mail.imapPort(), "http://" + host + ":" + ports.inbox(),
                    tenants.url(), partners.url(), subscriptions.url(), sasl);
            keep(InboxPage.start(host, ports.inbox(), mail, this::healthJson));
        }
        catch (CompletionException e) {
            keepWhenDone(broker);
            keepWhenDone(issuer);
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        catch (RuntimeException | IOException e) {
            keepWhenDone(broker);
            keepWhenDone(issuer);
            throw e;
        }
        log.info("CPOR platform ready in {} ms, data in {}", Duration.ofNanos(System.nanoTime() - began).toMillis(),
                data);
    }

    /** Stops the broker (for fault tests); the rest of the platform keeps running. Not for an external one. */
    public synchronized void stopKafka() {
        requireOwnKafka();
        if (kafka != null) {
            started.remove(kafka);
            kafka.close();
            kafka = null;
        }
    }

    /** Starts the broker again on the same port and data after {@link #stopKafka()}. */
    public synchronized void startKafka() {
        requireOwnKafka();
        if (kafka == null) {
            Ports ports = settings.ports();
            kafka = keep(KafkaBroker.start(settings.host(), ports.kafka(), ports.kafkaController(),
                    settings.dataDirectory().toAbsolutePath().resolve("kafka"), settings.partitions()));
        }
    }

    private void requireOwnKafka() {
        if (external.kafka()) {
            throw new IllegalStateException("Kafka runs outside this platform (" + external.kafkaBootstrapServers()
                    + "): stop and start it where it runs");
        }
    }

    /** Per part it runs, whether its port answers; {@code status} is UP only if every part does. */
    public Map<String, Boolean> health() {
        Map<String, Boolean> health = new LinkedHashMap<>();
        settings.ports().byComponent().forEach((component, port) -> {
            boolean elsewhere = external.kafka() && component.startsWith("Kafka")
                    || external.mongo() && component.startsWith("MongoDB");
            if (!elsewhere) {
                health.put(component, answers(port));
            }
        });
        return health;
    }

    private String healthJson() {
        Map<String, Boolean> health = health();
        ObjectNode body = JSON.createObjectNode().put("status", health.containsValue(false) ? "DOWN" : "UP");
        ObjectNode components = body.putObject("components");
        health.forEach((component, up) -> components.putObject(component).put("status", up ? "UP" : "DOWN"));
        ObjectNode urls = body.putObject("endpoints");
        urls.put("kafka", endpoints.kafkaBootstrapServers()).put("mongo", endpoints.mongoUri())
                .put("schemaRegistry", endpoints.schemaRegistryUrl()).put("issuer", endpoints.issuerUrl())
                .put("smtp", endpoints.mailHost() + ":" + endpoints.smtpPort())
                .put("imap", endpoints.mailHost() + ":" + endpoints.imapPort())
                .put("inbox", endpoints.inboxUrl()).put("tenantDirectory", endpoints.tenantDirectoryUrl())
                .put("partnerDirectory", endpoints.partnerDirectoryUrl())
                .put("subscriptionDirectory", endpoints.subscriptionDirectoryUrl());
        return body.toString();
    }

    private boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(settings.host(), port), 1000);
            return true;
        }
        catch (IOException e) {
            return false;
        }
    }

    private <T extends AutoCloseable> T keep(T part) {
        started.push(part);
        return part;
    }

    private void keepWhenDone(CompletableFuture<? extends AutoCloseable> part) {
        try {
            AutoCloseable done = part.join();
            if (done != null && !started.contains(done)) {
                started.push(done);
            }
        }
        catch (CompletionException e) {
            // it failed to start: nothing to stop
        }
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            }
            catch (Exception e) {
                log.warn("Stopping {} failed", part.getClass().getSimpleName(), e);
            }
        }
    }

    /**
     * Runs the platform until the process is stopped: {@code LocalPlatform [--data-dir=data] [--host=127.0.0.1]
     * [--partitions=6] [--free-ports]}.
     */
    public static void main(String[] args) {
        // The platform's logging is configured once for the process; the issuer's Spring Boot must not reset it.
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
        PlatformSettings settings = PlatformCommandLine.parse(args);
        LocalPlatform platform;
        try {
            platform = start(settings);
        }
        catch (RuntimeException e) {
            log.error("CPOR platform failed to start: {}", e.getMessage(), e);
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "platform-shutdown"));
        System.out.println("CPOR platform ready " + platform.healthJson());
    }
}
