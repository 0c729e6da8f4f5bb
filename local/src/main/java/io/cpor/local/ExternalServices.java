package io.cpor.local;

/**
 * Kafka and MongoDB that run outside the platform (containers, say): the platform connects to them instead of
 * starting its own, and still starts everything else. A null part is started embedded.
 *
 * @param kafkaBootstrapServers the broker(s), {@code host:port}
 * @param mongoUri the MongoDB server without a database, e.g. {@code mongodb://127.0.0.1:27017}
 */
public record ExternalServices(String kafkaBootstrapServers, String mongoUri) {

    /** Nothing outside: the platform runs every part itself. */
    public static final ExternalServices NONE = new ExternalServices(null, null);

    boolean kafka() {
        return kafkaBootstrapServers != null;
    }

    boolean mongo() {
        return mongoUri != null;
    }
}
