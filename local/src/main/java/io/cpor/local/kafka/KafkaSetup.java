package io.cpor.local.kafka;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.SaslConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets up brokers that the local platform does not run (docker-compose.yml's three): every principal's SCRAM
 * credential, every ACL of {@link KafkaAccess}, and the contract's topics, replicated as given. It authenticates as
 * the brokers' {@code platform} principal (SASL/PLAIN, a super user). Idempotent: run it after every change of a
 * password or of the grants.
 * <pre>
 * KafkaSetup --bootstrap-servers=kafka-1:9092,... --platform-password=...
 *            --password.claim-service=... (one for each principal: the services, demo-validator, demo-admin,
 *            schema-registry) [--partitions=6] [--replication-factor=3] [--min-insync-replicas=2]
 * </pre>
 */
public final class KafkaSetup {

    private static final Logger log = LoggerFactory.getLogger(KafkaSetup.class);
    /** Confluent Schema Registry's principal (a super user of the brokers, for its own topic and group). */
    public static final String SCHEMA_REGISTRY = "schema-registry";

    private KafkaSetup() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Options are --name=value, not " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String principal : List.of(KafkaAccess.ADMIN, SCHEMA_REGISTRY)) {
            passwords.put(principal, required(options, "password." + principal));
        }
        KafkaAccess.principals().forEach(principal -> passwords.put(principal, required(options,
                "password." + principal)));
        Map<String, Object> platform = Map.of("security.protocol", "SASL_PLAINTEXT", SaslConfigs.SASL_MECHANISM,
                "PLAIN", SaslConfigs.SASL_JAAS_CONFIG, KafkaAccess.jaas(
                        "org.apache.kafka.common.security.plain.PlainLoginModule", "platform",
                        required(options, "platform-password")));
        int partitions = Integer.parseInt(options.getOrDefault("partitions", "6"));
        short replicationFactor = Short.parseShort(options.getOrDefault("replication-factor", "3"));
        int minInsync = Integer.parseInt(options.getOrDefault("min-insync-replicas", "2"));
        try (Admin admin = KafkaBroker.admin(required(options, "bootstrap-servers"), platform)) {
            KafkaAccess.apply(admin, passwords);
            List<String> created = TopicSetup.createContractTopics(admin, partitions, replicationFactor, minInsync);
            log.info("Kafka set up: {} principals, {} ACLs, topics created {}", passwords.size(),
                    KafkaAccess.acls().size(), created);
        }
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + "= is required");
        }
        return value;
    }
}
