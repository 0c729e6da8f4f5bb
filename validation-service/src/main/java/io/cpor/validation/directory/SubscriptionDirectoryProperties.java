package io.cpor.validation.directory;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where subscriptions are looked up.
 *
 * @param baseUrl the directory; {@code GET {baseUrl}/subscriptions/{id}} answers a subscription or 404 (the local
 *         platform serves one on port 8092)
 * @param timeout how long one lookup may take before it counts as the directory being unreachable
 * @param cacheSize how many subscriptions are remembered
 * @param cacheTtl how long an answer is remembered (a subscription's status changes: keep it short)
 */
@ConfigurationProperties("cpor.subscriptions")
record SubscriptionDirectoryProperties(@DefaultValue("http://127.0.0.1:8092") String baseUrl,
        @DefaultValue("PT5S") Duration timeout, @DefaultValue("10000") long cacheSize,
        @DefaultValue("PT1M") Duration cacheTtl) {
}
