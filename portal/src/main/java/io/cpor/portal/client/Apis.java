package io.cpor.portal.client;

import io.cpor.portal.PortalSettings;
import io.cpor.portal.security.SecurityConfiguration;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Calls the APIs as the signed-in person: each request carries their access token (the token relay), so an API
 * decides what they may see and do exactly as it does for any other client. An answer of 4xx or 5xx becomes an
 * {@link ApiProblem} carrying the API's problem answer.
 */
@Component
public class Apis {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
            new ParameterizedTypeReference<>() {
            };

    private final Map<Api, WebClient> clients = new EnumMap<>(Api.class);

    Apis(WebClient.Builder builder, ReactiveOAuth2AuthorizedClientManager authorizedClients, PortalSettings settings) {
        ServerOAuth2AuthorizedClientExchangeFilterFunction relay =
                new ServerOAuth2AuthorizedClientExchangeFilterFunction(authorizedClients);
        relay.setDefaultClientRegistrationId(SecurityConfiguration.REGISTRATION);
        clients.put(Api.CLAIMS, client(builder, relay, settings.claimsApi()));
        clients.put(Api.REVIEWS, client(builder, relay, settings.reviewsApi()));
        clients.put(Api.ASSOCIATIONS, client(builder, relay, settings.associationsApi()));
    }

    private static WebClient client(WebClient.Builder builder, ServerOAuth2AuthorizedClientExchangeFilterFunction relay,
            URI baseUrl) {
        return builder.clone().baseUrl(baseUrl.toString()).filter(relay).build();
    }

    /** GET a JSON object. */
    public Mono<Map<String, Object>> get(Api api, Function<UriBuilder, URI> uri) {
        return clients.get(api).get().uri(uri).accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(Apis::object).onErrorMap(WebClientRequestException.class, e -> unreachable(api));
    }

    /** POST a JSON body (with these extra headers, name then value) and read the JSON object answered. */
    public Mono<Map<String, Object>> post(Api api, String path, Object body, String... headers) {
        return clients.get(api).post().uri(path)
                .headers(h -> {
                    for (int i = 0; i + 1 < headers.length; i += 2) {
                        h.add(headers[i], headers[i + 1]);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchangeToMono(Apis::object).onErrorMap(WebClientRequestException.class, e -> unreachable(api));
    }

    /** GET a CSV export, streamed as it comes. */
    public Flux<DataBuffer> csv(Api api, Function<UriBuilder, URI> uri) {
        return clients.get(api).get().uri(uri).accept(MediaType.parseMediaType("text/csv"))
                .exchangeToFlux(answer -> answer.statusCode().isError()
                        ? problem(answer).flux().cast(DataBuffer.class)
                        : answer.bodyToFlux(DataBuffer.class))
                .onErrorMap(WebClientRequestException.class, e -> unreachable(api));
    }

    /** An API that does not answer at all is unavailable (503), as one that says so. */
    private static ApiProblem unreachable(Api api) {
        return new ApiProblem(503, Map.of("title", "Service Unavailable", "detail",
                "The " + api.name().toLowerCase(java.util.Locale.ROOT) + " API did not answer"));
    }

    private static Mono<Map<String, Object>> object(ClientResponse answer) {
        if (answer.statusCode().isError()) {
            return problem(answer);
        }
        return answer.bodyToMono(JSON_OBJECT).defaultIfEmpty(Map.of());
    }

    private static <T> Mono<T> problem(ClientResponse answer) {
        HttpStatusCode status = answer.statusCode();
        return answer.bodyToMono(JSON_OBJECT)
                .onErrorResume(unreadable -> Mono.empty())
                .defaultIfEmpty(Map.of("title", "HTTP " + status.value()))
                .flatMap(problem -> Mono.error(new ApiProblem(status.value(), problem)));
    }
}
