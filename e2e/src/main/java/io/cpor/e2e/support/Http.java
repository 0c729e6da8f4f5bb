package io.cpor.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cpor.local.testing.ApiContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** JSON over HTTP with a bearer token, as an integration would call the APIs. */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final Map<String, ApiContract> CONTRACTS = new ConcurrentHashMap<>();
    private static volatile boolean judged;

    private Http() {
    }

    /**
     * From now on every answer to an {@code /api} call is held to the published document of the service that gave
     * it (its {@code /v3/api-docs}, read once per service): an undeclared status, field or type fails the call.
     */
    public static void holdAnswersToThePublishedDocuments() {
        judged = true;
    }

    public static Answer get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), token);
    }

    /** A GET asking for one media type ({@code text/csv}, say). */
    public static Answer get(String url, String token, String accept) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET(), token);
    }

    public static Answer post(String url, String token, Object body) {
        return post(url, token, body, Map.of());
    }

    public static Answer post(String url, String token, Object body, Map<String, String> headers) {
        try {
            String json = body instanceof String text ? text : JSON.writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
            headers.forEach(request::header);
            return send(request, token);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpRequest sent = request.timeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> response = CLIENT.send(sent, HttpResponse.BodyHandlers.ofString());
            Answer answer = new Answer(response.statusCode(), response.body(), response.headers().map());
            judge(sent.uri(), sent.method(), answer.status(), answer.header("Content-Type"),
                    answer.body().getBytes(StandardCharsets.UTF_8));
            return answer;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Holds an answer to an {@code /api} call to its service's published document, once that is asked for. */
    public static void judge(URI called, String method, int status, String contentType, byte[] body) {
        if (judged && called.getPath().startsWith("/api/")) {
            contract(called).check(method, called.getPath(), status, contentType, body);
        }
    }

    private static ApiContract contract(URI called) {
        String origin = called.getScheme() + "://" + called.getRawAuthority();
        return CONTRACTS.computeIfAbsent(origin, at -> {
            try {
                HttpResponse<String> document = CLIENT.send(HttpRequest.newBuilder(URI.create(at + "/v3/api-docs"))
                        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (document.statusCode() != 200) {
                    throw new IllegalStateException(at + "/v3/api-docs answered " + document.statusCode());
                }
                return ApiContract.of(document.body());
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /** A status and a body. */
    public record Answer(int status, String body, Map<String, java.util.List<String>> headers) {

        /** The first value of a response header, or null. */
        public String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream()).findFirst().orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            }
            catch (IOException e) {
                throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
            }
        }
    }
}
