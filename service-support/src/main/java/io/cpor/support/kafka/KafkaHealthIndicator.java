package io.cpor.support.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Kafka is UP when the cluster describes itself within a few seconds. Part of the readiness group. */
public class KafkaHealthIndicator extends AbstractReactiveHealthIndicator implements DisposableBean {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Admin admin;

    public KafkaHealthIndicator(Map<String, Object> adminProperties) {
        Map<String, Object> settings = new HashMap<>(adminProperties);
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        this.admin = Admin.create(settings);
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return Mono.fromCallable(() -> {
            var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
            return builder.up()
                    .withDetail("clusterId", cluster.clusterId().get())
                    .withDetail("nodes", cluster.nodes().get().size())
                    .build();
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(2));
    }
}
