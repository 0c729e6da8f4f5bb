package io.cpor.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.cpor.schemas.Topic;
import io.cpor.schemas.Topics;
import io.cpor.schemas.serde.AvroSerdeConfig;
import io.cpor.schemas.serde.AvroSerializer;
import io.cpor.schemas.serde.HttpSchemaRegistryClient;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The platform keeps its state between runs: after a clean stop, and after a SIGKILL of its process. */
class PlatformRestartIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = Topics.CLAIMS_SUBMITTED;

    @TempDir
    Path data;

    @Test
    void keepsRecordsDocumentsSchemasKeysAndMailAcrossAStopAndStart() throws Exception {
        PlatformSettings settings = new PlatformSettings("127.0.0.1", data, Ports.free(), 2);
        String key = UUID.randomUUID().toString();
        String mailbox = "restart-" + key + "@contoso.com";
        int schemaId;
        String signingKeyId;
        try (LocalPlatform platform = LocalPlatform.start(settings)) {
            Endpoints endpoints = platform.endpoints();
            produce(endpoints, List.of(key));
            insert(endpoints, List.of(key));
            schemaId = new HttpSchemaRegistryClient(endpoints.schemaRegistryUrl())
                    .latest(Topic.CLAIMS_SUBMITTED.valueSubject()).id();
            sendMail(endpoints, mailbox);
            signingKeyId = signingKeyId(endpoints);
        }

        try (LocalPlatform platform = LocalPlatform.start(settings)) {
            Endpoints endpoints = platform.endpoints();
            assertThat(consumeKeys(endpoints, 1)).contains(key);
            assertThat(documentIds(endpoints)).contains(key);
            assertThat(new HttpSchemaRegistryClient(endpoints.schemaRegistryUrl())
                    .latest(Topic.CLAIMS_SUBMITTED.valueSubject()).id()).isEqualTo(schemaId);
            assertThat(mailCount(endpoints, mailbox)).isEqualTo(1);
            assertThat(signingKeyId(endpoints)).isEqualTo(signingKeyId);
        }
    }

    @Test
    void keepsEveryAcknowledgedWriteWhenTheProcessIsKilledMidStream() throws Exception {
        Ports ports = Ports.free();
        Endpoints endpoints;
        Set<String> acknowledgedDocuments = ConcurrentHashMap.newKeySet();
        Set<String> acknowledgedRecords = ConcurrentHashMap.newKeySet();
        String mailbox = "killed-" + UUID.randomUUID() + "@contoso.com";
        Process first = startProcess(ports, "first");
        try {
            endpoints = awaitReady(ports);
            sendMail(endpoints, mailbox);
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread documents = new Thread(() -> keepInserting(endpoints, writing, acknowledgedDocuments));
            Thread records = new Thread(() -> keepProducing(endpoints, writing, acknowledgedRecords));
            documents.start();
            records.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledgedDocuments.size() >= 300
                    && acknowledgedRecords.size() >= 300);

            first.destroyForcibly().waitFor();
            writing.set(false);
            documents.join();
            records.join();
        }
        finally {
            first.destroyForcibly();
        }

        Process second = startProcess(ports, "second");
        try {
            Endpoints restarted = awaitReady(ports);
            assertThat(documentIds(restarted)).containsAll(acknowledgedDocuments);
            assertThat(consumeKeys(restarted, acknowledgedRecords.size())).containsAll(acknowledgedRecords);
            assertThat(mailCount(restarted, mailbox)).isEqualTo(1);
            assertThat(new HttpSchemaRegistryClient(restarted.schemaRegistryUrl())
                    .latest(Topic.CLAIMS_SUBMITTED.valueSubject()).schema())
                    .isEqualTo(Topic.CLAIMS_SUBMITTED.valueSchema());
        }
        finally {
            second.destroyForcibly().waitFor();
        }
    }

    @Test
    void refusesSmtpConnectionsWhileTakenDownAndAcceptsMailAgainWhenUp() throws Exception {
        String mailbox = "outage-" + UUID.randomUUID() + "@contoso.com";
        try (LocalPlatform platform = LocalPlatform.start(new PlatformSettings("127.0.0.1", data, Ports.free(), 1))) {
            Endpoints endpoints = platform.endpoints();
            sendMail(endpoints, mailbox);

            assertThat(put(endpoints.inboxUrl() + "/control/smtp/down").body()).isEqualTo("{\"smtp\":\"DOWN\"}");

            assertThatThrownBy(() -> sendMail(endpoints, mailbox)).isInstanceOf(MessagingException.class)
                    .hasRootCauseInstanceOf(ConnectException.class);
            HttpResponse<String> health = get(endpoints.inboxUrl() + "/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(health.body()).path("components").path("SMTP").path("status").asText())
                    .isEqualTo("DOWN");
            assertThat(mailCount(endpoints, mailbox)).as("IMAP still serves what arrived").isEqualTo(1);

            assertThat(put(endpoints.inboxUrl() + "/control/smtp/up").body()).isEqualTo("{\"smtp\":\"UP\"}");
            sendMail(endpoints, mailbox);
            assertThat(mailCount(endpoints, mailbox)).isEqualTo(2);
            assertThat(get(endpoints.inboxUrl() + "/health").statusCode()).isEqualTo(200);
            assertThat(put(endpoints.inboxUrl() + "/control/smtp/sideways").statusCode()).isEqualTo(400);
            assertThat(get(endpoints.inboxUrl() + "/control/smtp/down").statusCode()).as("only PUT").isEqualTo(405);
        }
    }

    private static HttpResponse<String> put(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Process startProcess(Ports ports, String name) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String portList = String.join(",", ports.byComponent().values().stream().map(String::valueOf).toList());
        Path log = Files.createDirectories(Path.of("target", "platform-logs")).resolve(
                "restart-" + name + "-" + UUID.randomUUID() + ".log");
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "io.cpor.local.LocalPlatform", "--data-dir=" + data, "--partitions=2", "--ports=" + portList)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static Endpoints awaitReady(Ports ports) {
        HttpClient http = HttpClient.newHttpClient();
        String health = "http://127.0.0.1:" + ports.inbox() + "/health";
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() ->
                JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(health)).build(),
                        HttpResponse.BodyHandlers.ofString()).body()).path("status").asText().equals("UP"));
        return new Endpoints("127.0.0.1:" + ports.kafka(), "mongodb://127.0.0.1:" + ports.mongo(),
                "http://127.0.0.1:" + ports.schemaRegistry(), "http://127.0.0.1:" + ports.issuer(), "127.0.0.1",
                ports.smtp(), ports.imap(), "http://127.0.0.1:" + ports.inbox(),
                "http://127.0.0.1:" + ports.tenantDirectory(), "http://127.0.0.1:" + ports.partnerDirectory(),
                "http://127.0.0.1:" + ports.subscriptionDirectory(), true);
    }

    private static void keepInserting(Endpoints endpoints, AtomicBoolean writing, Set<String> acknowledged) {
        try (MongoClient client = MongoClients.create(endpoints.mongoUri() + "/?serverSelectionTimeoutMS=2000"
                + "&connectTimeoutMS=1000&socketTimeoutMS=2000")) {
            MongoCollection<Document> collection = client.getDatabase("restart").getCollection("writes");
            while (writing.get()) {
                String id = UUID.randomUUID().toString();
                try {
                    Mono.from(collection.insertOne(new Document("_id", id).append("payload", "x".repeat(400))))
                            .block(Duration.ofSeconds(3));
                    acknowledged.add(id);
                }
                catch (RuntimeException e) {
                    // the server is gone: this write was never acknowledged
                }
            }
        }
    }

    private static void keepProducing(Endpoints endpoints, AtomicBoolean writing, Set<String> acknowledged) {
        try (KafkaProducer<String, Object> producer = producer(endpoints, 2_000)) {
            while (writing.get()) {
                String key = UUID.randomUUID().toString();
                try {
                    producer.send(new ProducerRecord<>(TOPIC, key, SampleEvents.claimSubmitted())).get();
                    acknowledged.add(key);
                }
                catch (Exception e) {
                    // not acknowledged
                }
            }
        }
        catch (RuntimeException e) {
            // closing a producer whose broker is gone
        }
    }

    private static void produce(Endpoints endpoints, List<String> keys) throws Exception {
        try (KafkaProducer<String, Object> producer = producer(endpoints, 30_000)) {
            for (String key : keys) {
                producer.send(new ProducerRecord<>(TOPIC, key, SampleEvents.claimSubmitted())).get();
            }
        }
    }

    private static KafkaProducer<String, Object> producer(Endpoints endpoints, int deliveryTimeoutMs) {
        Map<String, Object> settings = new HashMap<>();
        settings.putAll(endpoints.kafkaAdminSettings());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeoutMs);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, deliveryTimeoutMs / 2);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, deliveryTimeoutMs);
        settings.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, endpoints.schemaRegistryUrl());
        AvroSerializer serializer = new AvroSerializer();
        serializer.configure(settings, false);
        return new KafkaProducer<>(settings, new StringSerializer(), serializer);
    }

    private static Set<String> consumeKeys(Endpoints endpoints, int atLeast) {
        Set<String> keys = new HashSet<>();
        Map<String, Object> settings = new java.util.HashMap<>(endpoints.kafkaAdminSettings());
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, "restart-" + UUID.randomUUID());
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long quietSince = System.nanoTime();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(record -> keys.add(record.key()));
                return keys.size() >= atLeast;
            });
            // Read on until nothing more arrives, so a missing record shows as missing, not as not-yet-read.
            int before;
            do {
                before = keys.size();
                consumer.poll(Duration.ofMillis(1_000)).forEach(record -> keys.add(record.key()));
            }
            while (keys.size() > before && System.nanoTime() - quietSince < Duration.ofSeconds(60).toNanos());
        }
        return keys;
    }

    private static void insert(Endpoints endpoints, List<String> ids) {
        try (MongoClient client = MongoClients.create(endpoints.mongoUri())) {
            MongoCollection<Document> collection = client.getDatabase("restart").getCollection("writes");
            ids.forEach(id -> Mono.from(collection.insertOne(new Document("_id", id))).block());
        }
    }

    private static Set<String> documentIds(Endpoints endpoints) {
        try (MongoClient client = MongoClients.create(endpoints.mongoUri())) {
            List<Document> documents = Flux.from(client.getDatabase("restart").getCollection("writes").find())
                    .collectList().block();
            Set<String> ids = new HashSet<>();
            documents.forEach(document -> ids.add(document.getString("_id")));
            return ids;
        }
    }

    private static void sendMail(Endpoints endpoints, String to) throws Exception {
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", endpoints.mailHost());
        smtp.put("mail.smtp.port", Integer.toString(endpoints.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(smtp));
        message.setFrom(new InternetAddress("noreply@cpor.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Kept across restarts");
        message.setText("hello");
        Transport.send(message);
    }

    private static int mailCount(Endpoints endpoints, String mailbox) throws Exception {
        Properties imap = new Properties();
        imap.put("mail.imap.host", endpoints.mailHost());
        imap.put("mail.imap.port", Integer.toString(endpoints.imapPort()));
        Store store = Session.getInstance(imap).getStore("imap");
        store.connect(mailbox, mailbox);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            int count = inbox.getMessageCount();
            inbox.close(false);
            return count;
        }
        finally {
            store.close();
        }
    }

    private static String signingKeyId(Endpoints endpoints) throws Exception {
        String jwks = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(endpoints.jwksUrl()))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        return JSON.readTree(jwks).path("keys").get(0).path("kid").asText();
    }
}
