package io.cpor.local.kafka;

import io.cpor.schemas.Topic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on the broker: one SCRAM-SHA-512 principal per service, which may write the topics it owns (and
 * the dead-letter twins of those it reads), read the topics it consumes in its own consumer groups, and describe the
 * contract's topics; {@code demo-validator}, for validator tools, which may read {@code cpor.claims.review} in groups
 * named {@code validator-*} and write {@code cpor.claims.review-decisions}; and {@code demo-admin}, a super user for
 * operators, tests and tools. Everything else is refused. The grants come from the topic catalog
 * ({@link Topic#writer()}, {@link Topic#readers()}) and the services' consumer groups below.
 */
public final class KafkaAccess {

    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final String ADMIN = "demo-admin";
    public static final String VALIDATOR = "demo-validator";
    /** The password of every principal of the local platform; a real deployment gives each its own. */
    public static final String LOCAL_SECRET = "demo-secret";
    /** Validator tools' consumer groups start with this. */
    public static final String VALIDATOR_GROUP_PREFIX = "validator-";
    private static final int SCRAM_ITERATIONS = 8192;

    /** The consumer groups of each service: the ids of its listeners. */
    public static final Map<Topic.Service, List<String>> GROUPS = Map.of(
            Topic.Service.CLAIMS, List.of("claim-updates"),
            Topic.Service.VALIDATION, List.of("validation-claims", "validation-decisions"),
            Topic.Service.NOTIFICATIONS, List.of("notifications"),
            Topic.Service.ASSOCIATIONS, List.of("associations"));

    private KafkaAccess() {
    }

    /** Every principal but the super user, by name. */
    public static List<String> principals() {
        List<String> names = new ArrayList<>();
        for (Topic.Service service : Topic.Service.values()) {
            names.add(service.serviceName());
        }
        names.add(VALIDATOR);
        return names;
    }

    /** The client settings of a principal on a SASL_PLAINTEXT listener with SCRAM-SHA-512. */
    public static Map<String, Object> clientSettings(String principal, String password) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        settings.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        settings.put(SaslConfigs.SASL_JAAS_CONFIG, jaas("org.apache.kafka.common.security.scram.ScramLoginModule",
                principal, password));
        return settings;
    }

    static String jaas(String module, String user, String password) {
        return module + " required username=\"" + user + "\" password=\"" + password + "\";";
    }

    /**
     * Gives every principal its SCRAM credential (with the password {@code passwords} names, the same again if it
     * is unchanged) and creates every ACL of the grants; both are idempotent. Runs as the controller's super user.
     */
    public static void apply(Admin admin, Map<String, String> passwords) {
        List<UserScramCredentialUpsertion> credentials = new ArrayList<>();
        passwords.forEach((principal, password) -> credentials.add(new UserScramCredentialUpsertion(principal,
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password)));
        try {
            admin.alterUserScramCredentials(List.copyOf(credentials)).all().get();
            admin.createAcls(acls()).all().get();
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("Cannot set the broker's credentials and ACLs: " + e.getCause(),
                    e.getCause());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while setting the broker's credentials and ACLs", e);
        }
    }

    /** The local platform's principals, each with the local secret (the super user included). */
    public static Map<String, String> localPasswords() {
        Map<String, String> passwords = new LinkedHashMap<>();
        passwords.put(ADMIN, LOCAL_SECRET);
        principals().forEach(principal -> passwords.put(principal, LOCAL_SECRET));
        return passwords;
    }

    /** Every grant, as ACLs. */
    public static List<AclBinding> acls() {
        List<AclBinding> acls = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            String owner = topic.writer().serviceName();
            acls.add(allow(ResourceType.TOPIC, topic.topicName(), owner, AclOperation.WRITE));
            for (Topic.Service reader : topic.readers()) {
                acls.add(allow(ResourceType.TOPIC, topic.topicName(), reader.serviceName(), AclOperation.READ));
                acls.add(allow(ResourceType.TOPIC, topic.deadLetterTopicName(), reader.serviceName(),
                        AclOperation.WRITE));
            }
            // Every service may see that every topic of the contract exists (it declares them all in production).
            for (Topic.Service service : Topic.Service.values()) {
                acls.add(allow(ResourceType.TOPIC, topic.topicName(), service.serviceName(), AclOperation.DESCRIBE));
                acls.add(allow(ResourceType.TOPIC, topic.deadLetterTopicName(), service.serviceName(),
                        AclOperation.DESCRIBE));
            }
        }
        GROUPS.forEach((service, groups) -> groups.forEach(group -> acls.add(allow(ResourceType.GROUP, group,
                service.serviceName(), AclOperation.READ))));
        acls.add(allow(ResourceType.TOPIC, Topic.CLAIMS_REVIEW.topicName(), VALIDATOR, AclOperation.READ));
        acls.add(allow(ResourceType.TOPIC, Topic.CLAIMS_REVIEW_DECISIONS.topicName(), VALIDATOR,
                AclOperation.WRITE));
        acls.add(new AclBinding(new ResourcePattern(ResourceType.GROUP, VALIDATOR_GROUP_PREFIX, PatternType.PREFIXED),
                new AccessControlEntry("User:" + VALIDATOR, "*", AclOperation.READ, AclPermissionType.ALLOW)));
        return acls;
    }

    /** The super users of a broker: the operator principal and the controller's own. */
    static Set<String> superUsers(String controllerPrincipal) {
        return Set.of("User:" + ADMIN, "User:" + controllerPrincipal);
    }

    private static AclBinding allow(ResourceType type, String name, String principal, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
                new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW));
    }
}
