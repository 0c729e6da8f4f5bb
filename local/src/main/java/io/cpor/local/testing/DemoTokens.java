package io.cpor.local.testing;

import io.cpor.local.Endpoints;
import io.cpor.local.issuer.DemoClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Access tokens of the demo clients from the platform's issuer, for tests; cached (they last an hour). */
public final class DemoTokens {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private DemoTokens() {
    }

    /**
     * Forgets the tokens of this platform's issuer: a platform started anew on the same address has a new signing key,
     * and the tokens of the old one are refused.
     */
    public static void forget(Endpoints platform) {
        CACHE.keySet().removeIf(key -> key.startsWith(platform.issuerUrl() + "|"));
    }

    /** A token of a demo client ({@code demo-partner-1}, {@code demo-partner-2}, {@code demo-validator}). */
    public static String of(Endpoints platform, String clientId) {
        return CACHE.computeIfAbsent(platform.issuerUrl() + "|" + clientId, key -> fetch(platform, clientId));
    }

    private static String fetch(Endpoints platform, String clientId) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + DemoClients.SECRET)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.tokenUrl()))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        try {
            String body = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
            Matcher token = ACCESS_TOKEN.matcher(body);
            if (!token.find()) {
                throw new IllegalStateException("The issuer gave " + clientId + " no token: " + body);
            }
            return token.group(1);
        }
        catch (IOException e) {
            throw new IllegalStateException("Cannot reach the issuer", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
