package io.cpor.support.kafka;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.event.ConsumerStoppedEvent;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Keeps every listener container of the service consuming, and says so in readiness (health contributor
 * {@code listeners}). A consumer that stops for any reason but a normal stop (an error the container could not
 * handle, an authorization failure, a fenced or offset-less consumer) is logged as an error, readiness is DOWN with
 * the listener's id and the reason, and the listener's container is restarted after a backoff (1 s, doubling to
 * 1 min while it keeps stopping). Readiness is UP again once every consumer of every container runs.
 */
public class ListenerSupervisor extends AbstractHealthIndicator
        implements ApplicationListener<ConsumerStoppedEvent>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ListenerSupervisor.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final KafkaListenerEndpointRegistry registry;
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cpor-listener-restarts");
        thread.setDaemon(true);
        return thread;
    });
    /** Listeners stopped abnormally and not yet running again, with why. */
    private final Map<String, String> stopped = new ConcurrentHashMap<>();
    private final Map<String, Duration> backoffs = new ConcurrentHashMap<>();

    public ListenerSupervisor(KafkaListenerEndpointRegistry registry) {
        super("Kafka listener containers are not all consuming");
        this.registry = registry;
    }

    @Override
    public void onApplicationEvent(ConsumerStoppedEvent event) {
        if (event.getReason() == ConsumerStoppedEvent.Reason.NORMAL) {
            return;
        }
        MessageListenerContainer container = event.getContainer(MessageListenerContainer.class);
        String listenerId = container.getListenerId();
        if (listenerId == null) {
            return;
        }
        String why = event.getReason().name();
        stopped.put(listenerId, why);
        Duration backoff = backoffs.merge(listenerId, FIRST_BACKOFF, (previous, first) ->
                previous.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : previous.multipliedBy(2));
        log.error("A consumer of listener {} stopped ({}); readiness is DOWN and the listener restarts in {} s",
                listenerId, why, backoff.toSeconds());
        restarts.schedule(() -> restart(listenerId), backoff.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restart(String listenerId) {
        MessageListenerContainer container = registry.getListenerContainer(listenerId);
        if (container == null) {
            return;
        }
        try {
            container.stop();
            container.start();
            log.warn("Listener {} restarted after its consumer stopped ({})", listenerId, stopped.get(listenerId));
            stopped.remove(listenerId);
            restarts.schedule(() -> forgiveIfRunning(listenerId), MAX_BACKOFF.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (RuntimeException e) {
            log.error("Listener {} could not be restarted; trying again: {}", listenerId, e.toString());
            restarts.schedule(() -> restart(listenerId), MAX_BACKOFF.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** A listener that ran a whole backoff period since its restart starts from the first backoff again. */
    private void forgiveIfRunning(String listenerId) {
        if (!stopped.containsKey(listenerId)) {
            backoffs.remove(listenerId);
        }
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean allConsuming = true;
        Map<String, String> details = new LinkedHashMap<>();
        for (MessageListenerContainer container : registry.getListenerContainers()) {
            String listenerId = container.getListenerId();
            int consumers = container instanceof ConcurrentMessageListenerContainer<?, ?> concurrent
                    ? concurrent.getContainers().size() : 1;
            long running = container instanceof ConcurrentMessageListenerContainer<?, ?> concurrent
                    ? concurrent.getContainers().stream().filter(MessageListenerContainer::isRunning).count()
                    : container.isRunning() ? 1 : 0;
            String why = listenerId == null ? null : stopped.get(listenerId);
            boolean consuming = container.isRunning() && running == consumers && consumers > 0 && why == null;
            allConsuming &= consuming || !container.isAutoStartup();
            details.put(String.valueOf(listenerId), consuming ? "consuming (" + running + " consumers)"
                    : "not consuming: " + running + " of " + consumers + " consumers running"
                            + (why == null ? "" : ", stopped: " + why));
        }
        (allConsuming ? builder.up() : builder.down()).withDetails(details);
    }

    @Override
    public void destroy() {
        restarts.shutdownNow();
    }
}
