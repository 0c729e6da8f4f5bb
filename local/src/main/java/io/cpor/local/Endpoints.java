package io.cpor.local;

import io.cpor.local.kafka.KafkaAccess;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where the platform's servers listen: what a service or a test needs to connect. */
public record Endpoints(String kafkaBootstrapServers, String mongoUri, String schemaRegistryUrl, String issuerUrl,
        String mailHost, int smtpPort, int imapPort, String inboxUrl, String tenantDirectoryUrl,
        String partnerDirectoryUrl, String subscriptionDirectoryUrl, boolean kafkaSasl) {

    public String tokenUrl() {
        return issuerUrl + "/oauth2/token";
    }

    public String jwksUrl() {
        return issuerUrl + "/oauth2/jwks";
    }

    /**
     * The Spring properties that connect a CPOR service to this platform, with its own database: Kafka, the schema
     * registry, MongoDB, the token issuer, the SMTP server and the directories.
     */
    public Map<String, String> serviceProperties(String database) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers);
        properties.put("spring.kafka.properties.schema.registry.url", schemaRegistryUrl);
        if (!kafkaSasl) {
            // A broker without principals (a test container): the services' own SASL settings do not apply.
            properties.put("spring.kafka.security.protocol", "PLAINTEXT");
        }
        properties.put("spring.mongodb.uri", mongoUri(database));
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuerUrl);
        properties.put("spring.mail.host", mailHost);
        properties.put("spring.mail.port", Integer.toString(smtpPort));
        properties.put("cpor.tenant-directory.base-url", tenantDirectoryUrl);
        properties.put("cpor.partners.base-url", partnerDirectoryUrl);
        properties.put("cpor.subscriptions.base-url", subscriptionDirectoryUrl);
        // Operations on the API's port in tests: a test classpath has a servlet server beside the reactive one, and
        // a management port of its own would need a child context of each kind. The packaged services, started by
        // ./cpor, serve operations on a port of their own.
        properties.put("management.server.port", "");
        return properties;
    }

    /**
     * What a Kafka client of {@code principal} needs: the brokers, and where the broker takes principals (the local
     * platform's does), SASL/SCRAM-SHA-512 with the local secret.
     */
    public Map<String, Object> kafkaClientSettings(String principal) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("bootstrap.servers", kafkaBootstrapServers);
        if (kafkaSasl) {
            settings.putAll(KafkaAccess.clientSettings(principal, KafkaAccess.LOCAL_SECRET));
        }
        return settings;
    }

    /** Only where the brokers are, without a principal. */
    public Map<String, Object> kafkaBootstrapSettings() {
        return Map.of("bootstrap.servers", kafkaBootstrapServers);
    }

    /** The client settings of the operator principal, a super user: what tests and tools use. */
    public Map<String, Object> kafkaAdminSettings() {
        return kafkaClientSettings(KafkaAccess.ADMIN);
    }

    /** The connection string of one database, e.g. {@code mongodb://127.0.0.1:27017/claims}. */
    public String mongoUri(String database) {
        return mongoUri + "/" + database;
    }
}
