package io.cpor.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cpor.local.Endpoints;
import io.cpor.local.testing.SharedPlatform;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * A listener container of the service's kind (the project's error handler, error containment and supervisor) on a
 * real broker: an {@link Error} thrown for a record dead-letters that record and the container goes on; a consumer
 * that stops anyway makes readiness DOWN, naming the listener, until the supervisor has restarted it.
 */
class ListenerSupervisionIntegrationTests {

    private static final Endpoints PLATFORM = SharedPlatform.endpoints();
    private static final String TOPIC = "supervision-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Set<String> handled = ConcurrentHashMap.newKeySet();
    private static ConfigurableApplicationContext service;

    @BeforeAll
    static void startAService() throws Exception {
        try (Admin admin = Admin.create(PLATFORM.kafkaAdminSettings())) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1), new NewTopic(TOPIC + ".DLT", 2,
                    (short) 1))).all().get();
        }
        List<String> arguments = new java.util.ArrayList<>();
        PLATFORM.kafkaAdminSettings().forEach((key, value) -> arguments.add("--spring.kafka.properties." + key + "="
                + value));
        arguments.addAll(List.of("--spring.kafka.bootstrap-servers=" + PLATFORM.kafkaBootstrapServers(),
                "--spring.kafka.consumer.group-id=supervision",
                "--spring.kafka.consumer.auto-offset-reset=earliest",
                "--spring.kafka.listener.concurrency=2",
                "--supervision.topic=" + TOPIC));
        service = new SpringApplicationBuilder(SupervisedService.class).web(WebApplicationType.NONE).run(
                arguments.toArray(String[]::new));
    }

    @AfterAll
    static void stopTheService() {
        service.close();
    }

    @Test
    void anErrorThrownForARecordDeadLettersItAndTheContainerGoesOn() {
        String overflow = "overflow-" + UUID.randomUUID();
        String after = "after-" + UUID.randomUUID();

        send(overflow);
        send(after);

        await().atMost(Duration.ofSeconds(60)).until(() -> handled.contains(after));
        ConsumerRecord<String, byte[]> deadLetter = new io.cpor.local.testing.TopicProbe(PLATFORM).readBytes(
                TOPIC + ".DLT", record -> overflow.equals(record.key()), 1, Duration.ZERO, Duration.ofSeconds(60))
                .get(0);
        assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo(overflow);
        assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("StackOverflowError");
        assertThat(supervisor().health(true).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aConsumerThatStopsAbnormallyMakesReadinessDownUntilItIsRestarted() {
        ConcurrentMessageListenerContainer<?, ?> container = (ConcurrentMessageListenerContainer<?, ?>) service
                .getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("supervised");
        await().atMost(Duration.ofSeconds(60)).until(() -> supervisor().health(true).getStatus() == Status.UP);
        AbstractMessageListenerContainer<?, ?> child = container.getContainers().get(0);

        child.stopAbnormally(() -> { });

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var health = supervisor().health(true);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(String.valueOf(health.getDetails().get("supervised"))).contains("ABNORMAL");
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> supervisor().health(true).getStatus() == Status.UP);
        String later = "later-" + UUID.randomUUID();
        send(later);
        await().atMost(Duration.ofSeconds(60)).until(() -> handled.contains(later));
    }

    private static ListenerSupervisor supervisor() {
        return service.getBean(ListenerSupervisor.class);
    }

    @SuppressWarnings("unchecked")
    private static void send(String value) {
        KafkaTemplate<String, String> template = service.getBean(KafkaTemplate.class);
        // One partition, so the record after an error waits behind it on the same consumer.
        template.send(TOPIC, 0, value, value).join();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @SpringBootConfiguration
    @ImportAutoConfiguration({KafkaAutoConfiguration.class, CporKafkaAutoConfiguration.class})
    static class SupervisedService {

        @Bean
        Listener listener() {
            return new Listener();
        }
    }

    static class Listener {

        @KafkaListener(id = "supervised", topics = "${supervision.topic}")
        void on(ConsumerRecord<String, String> record) {
            if (record.value().startsWith("overflow")) {
                throw new StackOverflowError("as deep as a record can make a listener go");
            }
            handled.add(record.value());
        }
    }
}
