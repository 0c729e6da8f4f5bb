package io.cpor.local;

import java.util.LinkedHashMap;
import java.util.Map;

/** Where the platform's servers listen: what a service or a test needs to connect. */
public record Endpoints(String kafkaBootstrapServers, String mongoUri, String schemaRegistryUrl, String issuerUrl,
        String mailHost, int smtpPort, int imapPort, String inboxUrl, String tenantDirectoryUrl) {

    public String tokenUrl() {
        return issuerUrl + "/oauth2/token";
    }

    public String jwksUrl() {
        return issuerUrl + "/oauth2/jwks";
    }

    /**
     * The Spring properties that connect a CPOR service to this platform, with its own database: Kafka, the schema
     * registry, MongoDB, the token issuer and the SMTP server.
     */
    public Map<String, String> serviceProperties(String database) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers);
        properties.put("spring.kafka.properties.schema.registry.url", schemaRegistryUrl);
        properties.put("spring.mongodb.uri", mongoUri(database));
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuerUrl);
        properties.put("spring.mail.host", mailHost);
        properties.put("spring.mail.port", Integer.toString(smtpPort));
        return properties;
    }

    /** The connection string of one database, e.g. {@code mongodb://127.0.0.1:27017/claims}. */
    public String mongoUri(String database) {
        return mongoUri + "/" + database;
    }
}
