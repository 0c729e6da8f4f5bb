package io.cpor.validation.directory;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cpor.support.kafka.TransientFailureException;
import io.cpor.validation.domain.SubscriptionDirectory;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Looks subscriptions up at {@code {base}/subscriptions/{id}}: 404 means Microsoft knows no such subscription;
 * anything else that is not an answer (unreachable, a server error, 429, a body without a tenant) is a transient fault
 * and nothing is cached. Answers are cached briefly, bounded.
 */
@Component
class HttpSubscriptionDirectory implements SubscriptionDirectory {

    private final WebClient web;
    private final SubscriptionDirectoryProperties properties;
    private final AsyncCache<String, Optional<Subscription>> cache;

    HttpSubscriptionDirectory(WebClient.Builder builder, SubscriptionDirectoryProperties properties) {
        this.web = builder.baseUrl(properties.baseUrl()).build();
        this.properties = properties;
        this.cache = Caffeine.newBuilder().maximumSize(properties.cacheSize())
                .expireAfterWrite(properties.cacheTtl()).buildAsync();
    }

    @Override
    public Mono<Optional<Subscription>> subscription(String subscriptionId) {
        String key = subscriptionId.strip().toLowerCase(java.util.Locale.ROOT);
        return Mono.fromFuture(() -> cache.get(key, (id, executor) -> lookUp(id).toFuture()));
    }

    private Mono<Optional<Subscription>> lookUp(String subscriptionId) {
        return web.get().uri("/subscriptions/{id}", subscriptionId)
                .retrieve()
                .bodyToMono(JsonNode.class)
                .timeout(properties.timeout())
                .map(body -> Optional.of(subscription(subscriptionId, body)))
                .onErrorResume(WebClientResponseException.class, refused -> refused.getStatusCode()
                        == HttpStatus.NOT_FOUND ? Mono.just(Optional.empty())
                                : Mono.error(unreachable(subscriptionId, refused)))
                .onErrorMap(failure -> !(failure instanceof TransientFailureException),
                        failure -> unreachable(subscriptionId, failure));
    }

    private static Subscription subscription(String subscriptionId, JsonNode body) {
        return new Subscription(subscriptionId, UUID.fromString(body.path("tenantId").asString()),
                body.path("productFamily").asString(""), body.path("purchaseChannel").asString(""),
                body.path("status").asString(""));
    }

    private TransientFailureException unreachable(String subscriptionId, Throwable cause) {
        return new TransientFailureException("The subscription directory at " + properties.baseUrl()
                + " could not answer for " + subscriptionId + " now: " + cause, cause);
    }
}
