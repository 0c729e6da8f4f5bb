package io.cpor.validation.directory;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cpor.support.kafka.TransientFailureException;
import io.cpor.validation.domain.TenantDirectory;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Resolves a domain through Entra ID's OpenID discovery document,
 * {@code {base}/{domain}/v2.0/.well-known/openid-configuration}: the tenant id is in its {@code issuer}. Entra
 * answers 400 for a domain it does not know. Answers are cached (bounded, with a time to live); an unreachable
 * directory or a server error is a transient fault and nothing is cached.
 */
@Component
class EntraTenantDirectory implements TenantDirectory {

    private static final Pattern TENANT_IN_ISSUER = Pattern.compile(
            "/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/");

    private final WebClient web;
    private final TenantDirectoryProperties properties;
    private final AsyncCache<String, Optional<UUID>> cache;

    EntraTenantDirectory(WebClient.Builder builder, TenantDirectoryProperties properties) {
        this.web = builder.baseUrl(properties.baseUrl()).build();
        this.properties = properties;
        this.cache = Caffeine.newBuilder().maximumSize(properties.cacheSize())
                .expireAfterWrite(properties.cacheTtl()).buildAsync();
    }

    @Override
    public Mono<Optional<UUID>> tenantOf(String domain) {
        String key = domain.toLowerCase(java.util.Locale.ROOT);
        return Mono.fromFuture(() -> cache.get(key, (name, executor) -> lookUp(name).toFuture()));
    }

    private Mono<Optional<UUID>> lookUp(String domain) {
        return web.get().uri("/{domain}/v2.0/.well-known/openid-configuration", domain)
                .retrieve()
                .bodyToMono(JsonNode.class)
                .timeout(properties.timeout())
                .map(document -> tenant(document.path("issuer").asText("")))
                .onErrorResume(WebClientResponseException.class, refused -> refused.getStatusCode()
                        .is4xxClientError() && refused.getStatusCode() != HttpStatus.TOO_MANY_REQUESTS
                                ? Mono.just(Optional.empty())
                                : Mono.error(unreachable(domain, refused)))
                .onErrorMap(failure -> !(failure instanceof TransientFailureException),
                        failure -> unreachable(domain, failure));
    }

    private static Optional<UUID> tenant(String issuer) {
        Matcher matcher = TENANT_IN_ISSUER.matcher(issuer + "/");
        return matcher.find() ? Optional.of(UUID.fromString(matcher.group(1))) : Optional.empty();
    }

    private TransientFailureException unreachable(String domain, Throwable cause) {
        return new TransientFailureException("The tenant directory at " + properties.baseUrl()
                + " could not resolve " + domain + " now: " + cause, cause);
    }
}
