package io.cpor.local.subscriptions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.cpor.local.http.HttpApp;
import io.cpor.local.http.HttpStatusException;
import io.cpor.local.http.Request;
import io.cpor.local.http.Response;
import io.cpor.local.http.Routes;
import io.cpor.local.tenants.TenantDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What Microsoft knows of a customer's subscription, for the local platform: {@code GET /subscriptions/{id}} answers
 * its tenant, product family ({@code BUSINESS_APPLICATIONS}, {@code MODERN_WORK}, {@code AZURE}), purchase channel
 * ({@code CSP}, {@code VOLUME_LICENSING}, {@code WEB_DIRECT}) and status ({@code ACTIVE}, {@code GRACE},
 * {@code EXPIRED}, {@code NOT_PROVISIONED}), or 404 for an id it does not know. Beside the demo subscriptions, every
 * {@code sandbox.test} tenant has one active Business Applications subscription bought on the web,
 * {@link #sandboxSubscriptionId(String)}. In production the same API is served at a configured base URL.
 */
public final class SubscriptionDirectory {

    private static final String DEMO_SUBSCRIPTIONS = "/io/cpor/local/subscriptions/demo-subscriptions.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Turns a sandbox tenant id (a version 3 UUID) into its subscription id (a version 8 UUID) and back. */
    private static final long SANDBOX_HIGH = 0x5ab5c0de0000b000L;
    private static final long SANDBOX_LOW = 0x1c0ffee5ab5c21beL;

    private final Map<String, Subscription> subscriptions;

    SubscriptionDirectory(Map<String, Subscription> subscriptions) {
        this.subscriptions = Map.copyOf(subscriptions);
    }

    /** A subscription as Microsoft knows it. */
    public record Subscription(String subscriptionId, UUID tenantId, String productFamily, String purchaseChannel,
            String status) {
    }

    public static HttpApp start(String host, int port) throws IOException {
        SubscriptionDirectory directory = new SubscriptionDirectory(demoSubscriptions());
        Routes routes = new Routes().on("GET", "/subscriptions/{subscriptionId}", directory::subscription);
        return HttpApp.start("subscription-directory", host, port, routes, SubscriptionDirectory::error, 0);
    }

    /**
     * The active Business Applications subscription of a {@code sandbox.test} domain's tenant: its tenant id with
     * some bits flipped (so the directory finds the tenant again), so tests and benchmarks know it without asking.
     */
    public static String sandboxSubscriptionId(String domain) {
        UUID tenant = TenantDirectory.sandboxTenantId(domain);
        return new UUID(tenant.getMostSignificantBits() ^ SANDBOX_HIGH, tenant.getLeastSignificantBits()
                ^ SANDBOX_LOW).toString();
    }

    /** The subscription with this id, if the directory knows it. */
    Optional<Subscription> find(String subscriptionId) {
        String key = subscriptionId.toLowerCase(Locale.ROOT);
        Subscription known = subscriptions.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            UUID id = UUID.fromString(key);
            if (id.version() != 8) {
                return Optional.empty();
            }
            UUID tenant = new UUID(id.getMostSignificantBits() ^ SANDBOX_HIGH, id.getLeastSignificantBits()
                    ^ SANDBOX_LOW);
            return Optional.of(new Subscription(key, tenant, "BUSINESS_APPLICATIONS", "WEB_DIRECT", "ACTIVE"));
        }
        catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    private Response subscription(Request request) {
        String id = request.pathParam("subscriptionId");
        Subscription found = find(id).orElseThrow(() -> new HttpStatusException(404, "No subscription " + id));
        return Response.of(200, "application/json; charset=utf-8", JSON.createObjectNode()
                .put("subscriptionId", found.subscriptionId()).put("tenantId", found.tenantId().toString())
                .put("productFamily", found.productFamily()).put("purchaseChannel", found.purchaseChannel())
                .put("status", found.status()).toString());
    }

    private static Response error(HttpStatusException failure) {
        return Response.of(failure.status(), "application/json; charset=utf-8", JSON.createObjectNode()
                .put("error", failure.status() == 404 ? "not_found" : "error")
                .put("message", failure.getMessage()).toString());
    }

    /** The demo subscriptions, by id. */
    static Map<String, Subscription> demoSubscriptions() {
        try (InputStream in = SubscriptionDirectory.class.getResourceAsStream(DEMO_SUBSCRIPTIONS)) {
            DemoSubscriptions file = new ObjectMapper(new YAMLFactory()).readValue(in, DemoSubscriptions.class);
            Map<String, Subscription> byId = new LinkedHashMap<>();
            file.subscriptions().forEach(subscription -> byId.put(subscription.subscriptionId()
                    .toLowerCase(Locale.ROOT), subscription));
            return byId;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DEMO_SUBSCRIPTIONS, e);
        }
    }

    private record DemoSubscriptions(List<Subscription> subscriptions) {
    }
}
