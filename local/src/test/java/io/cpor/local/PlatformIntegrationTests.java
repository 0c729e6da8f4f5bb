package io.cpor.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.cpor.events.claims.ClaimSubmitted;
import io.cpor.local.testing.EmbeddedPlatform;
import io.cpor.schemas.Topic;
import io.cpor.schemas.Topics;
import io.cpor.schemas.serde.AvroDeserializer;
import io.cpor.schemas.serde.AvroSerdeConfig;
import io.cpor.schemas.serde.AvroSerializer;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Each part of the embedded platform, through the protocol a service uses to reach it. */
@EmbeddedPlatform
class PlatformIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void storesAndFindsDocumentsWithTheReactiveDriverAndEnforcesUniqueIndexes(Endpoints platform) {
        try (MongoClient client = MongoClients.create(platform.mongoUri())) {
            MongoCollection<Document> claims = client.getDatabase("platform-test").getCollection("claims");
            Mono.from(claims.createIndex(Indexes.ascending("tenantId", "workload"), new IndexOptions().unique(true)))
                    .block();
            String tenant = UUID.randomUUID().toString();
            Mono.from(claims.insertOne(new Document("tenantId", tenant).append("workload", "TEAMS"))).block();

            List<Document> found = Flux.from(claims.find(new Document("tenantId", tenant))).collectList().block();

            assertThat(found).singleElement().extracting(doc -> doc.getString("workload")).isEqualTo("TEAMS");
            assertThatThrownBy(() -> Mono.from(claims.insertOne(new Document("tenantId", tenant)
                    .append("workload", "TEAMS"))).block())
                    .isInstanceOf(MongoWriteException.class)
                    .satisfies(e -> assertThat(((MongoWriteException) e).getCode()).isEqualTo(11000));
        }
    }

    @Test
    void createsEveryContractTopicAndItsDeadLetterTwinWithTheSamePartitions(Endpoints platform) throws Exception {
        try (Admin admin = Admin.create(platform.kafkaAdminSettings())) {
            List<String> names = new ArrayList<>();
            for (Topic topic : Topic.values()) {
                names.add(topic.topicName());
                names.add(topic.deadLetterTopicName());
            }
            Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get();

            assertThat(topics).hasSize(names.size());
            assertThat(topics.values()).allSatisfy(topic -> assertThat(topic.partitions()).hasSize(6));
        }
    }

    @Test
    void hidesAnAbortedTransactionFromAReadCommittedConsumer(Endpoints platform) throws Exception {
        ClaimSubmitted committed = SampleEvents.claimSubmitted();
        ClaimSubmitted aborted = SampleEvents.claimSubmitted();
        String key = UUID.randomUUID().toString();
        Map<String, Object> producerSettings = new HashMap<>();
        producerSettings.putAll(platform.kafkaAdminSettings());
        producerSettings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "platform-test-" + key);
        producerSettings.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.schemaRegistryUrl());
        AvroSerializer serializer = new AvroSerializer();
        serializer.configure(producerSettings, false);

        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(producerSettings, new StringSerializer(),
                serializer)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.CLAIMS_SUBMITTED, key, aborted));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.CLAIMS_SUBMITTED, key, committed));
            producer.commitTransaction();
        }

        assertThat(readCommitted(platform, key)).containsExactly(committed);
    }

    @Test
    void deliversMailSentOverSmtpToAnImapMailboxNamedByTheAddress(Endpoints platform) throws Exception {
        String recipient = "customer-" + UUID.randomUUID() + "@contoso.com";
        send(platform, recipient, "Association request", "Please review.");

        Properties imap = new Properties();
        imap.put("mail.imap.host", platform.mailHost());
        imap.put("mail.imap.port", Integer.toString(platform.imapPort()));
        Store store = Session.getInstance(imap).getStore("imap");
        store.connect(recipient, recipient);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] messages = inbox.getMessages();
            assertThat(messages).hasSize(1);
            assertThat(messages[0].getSubject()).isEqualTo("Association request");
            assertThat(messages[0].getContent().toString()).contains("Please review.");
            inbox.close(false);
        }
        finally {
            store.close();
        }
    }

    @Test
    void issuesPartnerTokensThatVerifyAgainstTheJwksAndCarryThePartnerId(Endpoints platform) throws Exception {
        String token = token(platform, "demo-partner-2", "demo-secret", "cpor.claims").path("access_token").asText();
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(platform.jwksUrl()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(platform.issuerUrl()));

        Jwt jwt = decoder.decode(token);

        assertThat(jwt.getClaimAsString("partner_id")).isEqualTo("1000002");
        assertThat(jwt.getClaimAsStringList("scope")).containsExactly("cpor.claims");
        assertThat(jwt.getSubject()).isEqualTo("demo-partner-2");
    }

    @Test
    void grantsRegisteredScopesWhenNoneIsAskedAndRefusesOthers(Endpoints platform) throws Exception {
        JsonNode validator = token(platform, "demo-validator", "demo-secret", null);
        String claims = new String(Base64.getUrlDecoder().decode(validator.path("access_token").asText()
                .split("\\.")[1]), StandardCharsets.UTF_8);

        assertThat(JSON.readTree(claims).path("scope").toString()).isEqualTo("[\"cpor.review\"]");
        assertThat(JSON.readTree(claims).has("partner_id")).isFalse();
        assertThat(token(platform, "demo-partner-1", "demo-secret", "cpor.review").path("error").asText())
                .isEqualTo("invalid_scope");
        assertThat(token(platform, "demo-partner-1", "wrong", "cpor.claims").path("error").asText())
                .isEqualTo("invalid_client");
    }

    @Test
    void resolvesTenantsLikeEntraDiscovery(Endpoints platform) throws Exception {
        JsonNode contoso = getJson(platform.tenantDirectoryUrl()
                + "/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration", 200);
        JsonNode sandbox = getJson(platform.tenantDirectoryUrl()
                + "/acme-42.sandbox.test/v2.0/.well-known/openid-configuration", 200);
        JsonNode unknown = getJson(platform.tenantDirectoryUrl()
                + "/nosuch.example/v2.0/.well-known/openid-configuration", 400);

        assertThat(contoso.path("issuer").asText()).isEqualTo("https://login.microsoftonline.com/"
                + SampleEvents.CONTOSO + "/v2.0");
        assertThat(sandbox.path("issuer").asText()).contains(
                io.cpor.local.tenants.TenantDirectory.sandboxTenantId("acme-42.sandbox.test").toString());
        assertThat(unknown.path("error").asText()).isEqualTo("invalid_tenant");
        assertThat(unknown.path("error_codes").get(0).asInt()).isEqualTo(90002);
    }

    @Test
    void namesPartnersAsRegisteredWithTheProgramsTheyAreEnrolledIn(Endpoints platform) throws Exception {
        JsonNode litware = getJson(platform.partnerDirectoryUrl() + "/partners/1000001", 200);
        JsonNode proseware = getJson(platform.partnerDirectoryUrl() + "/partners/1000002", 200);
        JsonNode unknown = getJson(platform.partnerDirectoryUrl() + "/partners/9999999", 404);

        assertThat(litware.path("name").asText()).isEqualTo("Litware Consulting Ltd");
        assertThat(litware.path("programs").toString()).contains("OSU_BUSINESS_APPLICATIONS");
        assertThat(proseware.path("programs").toString()).doesNotContain("OSU_BUSINESS_APPLICATIONS");
        assertThat(unknown.path("error").asText()).isEqualTo("not_found");
    }

    @Test
    void knowsTheDemoSubscriptionsAndAnActiveOneOfEverySandboxTenant(Endpoints platform) throws Exception {
        String base = platform.subscriptionDirectoryUrl() + "/subscriptions/";
        JsonNode contoso = getJson(base + "8c6f7b1e-1d2a-4a34-9d1b-5b4f2b7f6e10", 200);
        JsonNode csp = getJson(base + "6a2f8d47-3e1b-4b9c-9d05-7c4e1f2a8b43", 200);
        String sandboxId = io.cpor.local.subscriptions.SubscriptionDirectory.sandboxSubscriptionId(
                "acme-42.sandbox.test");
        JsonNode sandbox = getJson(base + sandboxId.toUpperCase(java.util.Locale.ROOT), 200);
        JsonNode unknown = getJson(base + UUID.randomUUID(), 404);

        assertThat(contoso.path("tenantId").asText()).isEqualTo("2f6b1c3e-8d4a-4b7e-9a51-6c0d3e2f1a01");
        assertThat(contoso.path("productFamily").asText()).isEqualTo("BUSINESS_APPLICATIONS");
        assertThat(contoso.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(csp.path("purchaseChannel").asText()).isEqualTo("CSP");
        assertThat(sandbox.path("tenantId").asText()).isEqualTo(
                io.cpor.local.tenants.TenantDirectory.sandboxTenantId("acme-42.sandbox.test").toString());
        assertThat(sandbox.path("subscriptionId").asText()).isEqualTo(sandboxId);
        assertThat(sandbox.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(unknown.path("error").asText()).isEqualTo("not_found");
    }

    @Test
    void showsReceivedMailOnTheInboxPageWithEverythingEscaped(Endpoints platform) throws Exception {
        String recipient = "inbox-" + UUID.randomUUID() + "@fabrikam.com";
        send(platform, recipient, "<script>alert(1)</script> request", "body");

        String list = await().atMost(Duration.ofSeconds(5)).until(() -> get(platform.inboxUrl() + "/").body(),
                page -> page.contains(recipient));
        String link = list.substring(list.indexOf("/mail/" + recipient.replace("@", "%40")));
        String detail = get(platform.inboxUrl() + link.substring(0, link.indexOf('"'))).body();

        assertThat(list).contains("&lt;script&gt;alert(1)&lt;/script&gt; request").doesNotContain("<script>");
        assertThat(detail).contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(get(platform.inboxUrl() + "/").headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void reportsEveryPartHealthy(Endpoints platform) throws Exception {
        JsonNode health = getJson(platform.inboxUrl() + "/health", 200);

        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").size()).isEqualTo(11);
        assertThat(health.path("endpoints").path("kafka").asText()).isEqualTo(platform.kafkaBootstrapServers());
    }

    private static void send(Endpoints platform, String to, String subject, String text) throws Exception {
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", platform.mailHost());
        smtp.put("mail.smtp.port", Integer.toString(platform.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(smtp));
        message.setFrom(new InternetAddress("noreply@cpor.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        Transport.send(message);
    }

    private static List<Object> readCommitted(Endpoints platform, String key) {
        Map<String, Object> settings = new HashMap<>();
        settings.putAll(platform.kafkaAdminSettings());
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, "read-committed-" + key);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.schemaRegistryUrl());
        settings.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        AvroDeserializer values = new AvroDeserializer();
        values.configure(settings, false);
        List<Object> found = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                values)) {
            consumer.subscribe(List.of(Topics.CLAIMS_SUBMITTED));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        found.add(record.value());
                    }
                }
                return !found.isEmpty();
            });
            // Whatever else is there for the key arrives in the same poll or the next ones; give it one more.
            consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                if (key.equals(record.key())) {
                    found.add(record.value());
                }
            });
        }
        return found;
    }

    private JsonNode token(Endpoints platform, String client, String secret, String scope) throws Exception {
        String form = "grant_type=client_credentials" + (scope == null ? "" : "&scope=" + scope);
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.tokenUrl()))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((client + ":" + secret)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String url, int expectedStatus) throws Exception {
        HttpResponse<String> response = get(url);
        assertThat(response.statusCode()).as(url).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }
}
