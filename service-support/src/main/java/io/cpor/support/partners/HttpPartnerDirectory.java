package io.cpor.support.partners;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cpor.support.kafka.TransientFailureException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The partner directory over HTTP: {@code GET {base}/partners/{partnerId}}. A 404 is a partner nobody registered;
 * an unreachable directory, a server error, a 429 or an answer that is not a partner is a transient fault and
 * nothing is cached. Answers are cached (bounded, with a time to live). Only well-formed PartnerIDs (digits) are
 * looked up.
 */
public class HttpPartnerDirectory implements PartnerDirectory {

    private static final Pattern PARTNER_ID = Pattern.compile("\\d{1,10}");

    private final WebClient web;
    private final PartnerDirectoryProperties properties;
    private final AsyncCache<String, Optional<RegisteredPartner>> cache;

    public HttpPartnerDirectory(WebClient.Builder builder, PartnerDirectoryProperties properties) {
        this.web = builder.baseUrl(properties.baseUrl()).build();
        this.properties = properties;
        this.cache = Caffeine.newBuilder().maximumSize(properties.cacheSize())
                .expireAfterWrite(properties.cacheTtl()).buildAsync();
    }

    @Override
    public Mono<Optional<RegisteredPartner>> partner(String partnerId) {
        if (partnerId == null || !PARTNER_ID.matcher(partnerId).matches()) {
            return Mono.just(Optional.empty());
        }
        return Mono.defer(() -> {
            CompletableFuture<Optional<RegisteredPartner>> answer = cache.get(partnerId,
                    (id, executor) -> lookUp(id).toFuture());
            // Caffeine drops a failed lookup too, but after this caller may already have asked again.
            return Mono.fromFuture(answer).doOnError(failure -> cache.asMap().remove(partnerId, answer));
        });
    }

    private Mono<Optional<RegisteredPartner>> lookUp(String partnerId) {
        return web.get().uri("/partners/{partnerId}", partnerId)
                .retrieve()
                .bodyToMono(JsonNode.class)
                .timeout(properties.timeout())
                .map(answer -> Optional.of(partner(partnerId, answer)))
                .onErrorResume(WebClientResponseException.class, refused -> refused.getStatusCode()
                        == HttpStatus.NOT_FOUND ? Mono.just(Optional.empty())
                                : Mono.error(unreachable(partnerId, refused)))
                .onErrorMap(failure -> !(failure instanceof TransientFailureException),
                        failure -> unreachable(partnerId, failure));
    }

    private static RegisteredPartner partner(String partnerId, JsonNode answer) {
        String name = answer.path("name").asText("");
        if (!partnerId.equals(answer.path("partnerId").asText("")) || name.isBlank()) {
            throw new IllegalStateException("the directory's answer for " + partnerId + " is not that partner");
        }
        List<String> programs = new ArrayList<>();
        answer.path("programs").forEach(program -> programs.add(program.asText("")));
        return new RegisteredPartner(partnerId, name, answer.path("country").asText(""), programs);
    }

    private TransientFailureException unreachable(String partnerId, Throwable cause) {
        return new TransientFailureException("The partner directory at " + properties.baseUrl()
                + " could not look up partner " + partnerId + " now: " + cause, cause);
    }
}
