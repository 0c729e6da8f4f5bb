package io.cpor.local.testing;

import io.cpor.local.kafka.KafkaAccess;
import io.cpor.schemas.Topic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Whether a service's listeners stay within what the broker grants it: each listener's id (its consumer group) is a
 * group of the service, and each topic it reads is one the catalog says the service reads. A listener added without
 * its grant would be refused by the broker at runtime; this finds it in the build.
 */
public final class ListenerGrants {

    private ListenerGrants() {
    }

    /** The {@code @KafkaListener}s among {@code classes} that the grants of {@code service} do not cover. */
    public static List<String> outsideGrants(Topic.Service service, Collection<Class<?>> classes) {
        Map<String, List<String>> listeners = new LinkedHashMap<>();
        classes.stream().flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
                .map(method -> method.getAnnotation(KafkaListener.class)).filter(Objects::nonNull)
                .forEach(listener -> listeners.put(listener.id(), List.of(listener.topics())));
        if (listeners.isEmpty()) {
            return List.of("no @KafkaListener found for " + service.serviceName());
        }
        return outsideGrants(service, listeners);
    }

    /** The listeners (id and topics of each) that the grants of {@code service} do not cover; empty if all are. */
    public static List<String> outsideGrants(Topic.Service service, Map<String, List<String>> listeners) {
        List<String> problems = new ArrayList<>();
        listeners.forEach((id, topics) -> {
            if (!KafkaAccess.GROUPS.get(service).contains(id)) {
                problems.add("listener " + id + " is not a consumer group granted to " + service.serviceName());
            }
            for (String topicName : topics) {
                boolean granted = Topic.named(topicName).map(topic -> topic.readers().contains(service))
                        .orElse(false);
                if (!granted) {
                    problems.add("listener " + id + " reads " + topicName + ", which " + service.serviceName()
                            + " may not read");
                }
            }
        });
        return problems;
    }
}
