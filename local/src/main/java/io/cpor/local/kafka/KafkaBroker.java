package io.cpor.local.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka node acting as broker and controller (KRaft), bound to loopback. The log directory is formatted on
 * first start only, so records, offsets and topics survive restarts. Replication factors of internal topics are 1
 * so transactions work on a single node.
 * <p>
 * Clients authenticate with SASL/SCRAM-SHA-512 and KRaft's {@code StandardAuthorizer} enforces the ACLs of
 * {@link KafkaAccess}: nobody without a principal reads or writes anything. One more principal, {@code platform},
 * authenticates with SASL/PLAIN and a password made up at each start, known only to this process: the broker and its
 * controller use it between themselves, and the platform uses it to give the principals their SCRAM credentials and
 * ACLs (SCRAM credentials live in the metadata log, so they cannot be used to set themselves up).
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private static final String PLATFORM_PRINCIPAL = "platform";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final String platformPassword;

    private KafkaBroker(KafkaRaftServer server, String bootstrapServers, String platformPassword) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.platformPassword = platformPassword;
    }

    /**
     * Starts the broker and returns once it answers as a cluster.
     *
     * @param host the address to bind and advertise
     * @param port the client (PLAINTEXT) port
     * @param controllerPort the KRaft controller port
     * @param logDirectory where the broker keeps its data
     * @param defaultPartitions partitions of topics created without a count
     */
    public static KafkaBroker start(String host, int port, int controllerPort, Path logDirectory,
            int defaultPartitions) {
        Path directory = logDirectory.toAbsolutePath();
        String platformPassword = java.util.UUID.randomUUID().toString();
        Properties settings = settings(host, port, controllerPort, directory, defaultPartitions, platformPassword);
        formatIfNeeded(directory, settings);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(settings), Time.SYSTEM);
        server.startup();
        KafkaBroker broker = new KafkaBroker(server, host + ":" + port, platformPassword);
        try {
            broker.grantAccess();
            broker.awaitReady();
        }
        catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** An admin client on this broker, as the operator principal; the caller closes it. */
    public Admin admin() {
        return admin(bootstrapServers, KafkaAccess.clientSettings(KafkaAccess.ADMIN, KafkaAccess.LOCAL_SECRET));
    }

    /** An admin client of any broker, with these client settings and the timeouts the platform uses for its own. */
    public static Admin admin(String bootstrapServers, Map<String, Object> clientSettings) {
        Map<String, Object> settings = new java.util.HashMap<>(clientSettings);
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        return Admin.create(settings);
    }

    /** Every principal's credential and every ACL, as the platform principal (the first start waits for it). */
    private void grantAccess() {
        Map<String, Object> settings = new java.util.HashMap<>();
        settings.put(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        settings.put(org.apache.kafka.common.config.SaslConfigs.SASL_MECHANISM, "PLAIN");
        settings.put(org.apache.kafka.common.config.SaslConfigs.SASL_JAAS_CONFIG, KafkaAccess.jaas(
                "org.apache.kafka.common.security.plain.PlainLoginModule", PLATFORM_PRINCIPAL, platformPassword));
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = admin(bootstrapServers, settings)) {
            while (true) {
                try {
                    KafkaAccess.apply(admin, KafkaAccess.localPasswords());
                    return;
                }
                catch (IllegalStateException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw notYet;
                    }
                    log.debug("The controller does not take the credentials yet: {}", notYet.getMessage());
                }
            }
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = admin()) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    // The broker answers before it has caught up with the metadata log; listing topics waits for it.
                    admin.listTopics().names().get(5, TimeUnit.SECONDS);
                    return;
                }
                catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka broker at " + bootstrapServers + " not ready after "
                                + READY_TIMEOUT.toSeconds() + " s", e);
                    }
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
                }
            }
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static Properties settings(String host, int port, int controllerPort, Path directory,
            int defaultPartitions, String platformPassword) {
        Properties settings = new Properties();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", "1");
        settings.put("controller.quorum.voters", "1@" + host + ":" + controllerPort);
        settings.put("listeners", "SASL_PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":"
                + controllerPort);
        settings.put("advertised.listeners", "SASL_PLAINTEXT://" + host + ":" + port);
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("inter.broker.listener.name", "SASL_PLAINTEXT");
        settings.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        // Clients: SCRAM-SHA-512, their credentials in the metadata log; and the platform's own principal (PLAIN),
        // which the broker also uses towards itself and its controller.
        String platformJaas = KafkaAccess.jaas("org.apache.kafka.common.security.plain.PlainLoginModule",
                PLATFORM_PRINCIPAL, platformPassword).replace(";", " user_" + PLATFORM_PRINCIPAL + "=\""
                        + platformPassword + "\";");
        settings.put("listener.name.sasl_plaintext.sasl.enabled.mechanisms", KafkaAccess.MECHANISM + ",PLAIN");
        settings.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", platformJaas);
        settings.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config", KafkaAccess.jaas(
                "org.apache.kafka.common.security.scram.ScramLoginModule", KafkaAccess.ADMIN,
                KafkaAccess.LOCAL_SECRET));
        settings.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        settings.put("sasl.mechanism.controller.protocol", "PLAIN");
        settings.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        settings.put("listener.name.controller.plain.sasl.jaas.config", platformJaas);
        settings.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        settings.put("super.users", String.join(";", KafkaAccess.superUsers(PLATFORM_PRINCIPAL)));
        settings.put("allow.everyone.if.no.acl.found", "false");
        settings.put("log.dirs", directory.toString());
        settings.put("auto.create.topics.enable", "false");
        settings.put("num.partitions", Integer.toString(defaultPartitions));
        settings.put("default.replication.factor", "1");
        settings.put("min.insync.replicas", "1");
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("offsets.topic.num.partitions", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("transaction.state.log.num.partitions", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("group.initial.rebalance.delay.ms", "0");
        // A restarted node re-registers only once the old session has expired: keep that short.
        settings.put("broker.session.timeout.ms", "2000");
        settings.put("broker.heartbeat.interval.ms", "500");
        settings.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        settings.put("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
        return settings;
    }

    private static void formatIfNeeded(Path directory, Properties settings) {
        if (Files.exists(directory.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(directory);
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            new Formatter()
                    .setPrintStream(new PrintStream(output, true, StandardCharsets.UTF_8))
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(directory.toString())
                    .setDirectories(List.of(directory.toString()))
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setIgnoreFormatted(true)
                    .run();
            log.info("Formatted Kafka log directory {}: {}", directory, output.toString(StandardCharsets.UTF_8).trim());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka log directory " + directory, e);
        }
    }
}
