package io.cpor.local.testing;

import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A client filter that holds every answer to an {@code /api} call to the service's own published document
 * ({@code /v3/api-docs}, read once from the same server): a test whose call gets an undeclared status, field or
 * type fails there. Add it to a {@code WebTestClient} or {@code WebClient} builder.
 */
public final class ApiContractFilter implements ExchangeFilterFunction {

    private static final String DOCUMENT = "/v3/api-docs";

    private final AtomicReference<ApiContract> contract = new AtomicReference<>();

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        if (!request.url().getPath().startsWith("/api/")) {
            return next.exchange(request);
        }
        return next.exchange(request).flatMap(response -> response.bodyToMono(byte[].class)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> contract(request, next).map(judge -> {
                    MediaType type = response.headers().contentType().orElse(null);
                    judge.check(request.method().name(), request.url().getPath(), response.statusCode().value(),
                            type == null ? null : type.toString(), body);
                    return response.mutate().body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)))
                            .build();
                })));
    }

    private Mono<ApiContract> contract(ClientRequest request, ExchangeFunction next) {
        ApiContract known = contract.get();
        if (known != null) {
            return Mono.just(known);
        }
        URI url = request.url();
        URI document = URI.create(url.getScheme() + "://" + url.getRawAuthority() + DOCUMENT);
        // A client of its own: a test client's connector takes only the requests the test made.
        return WebClient.create().get().uri(document).accept(MediaType.APPLICATION_JSON).retrieve()
                .bodyToMono(String.class)
                .map(ApiContract::of)
                .doOnNext(contract::set);
    }
}
