package io.cpor.local.tenants;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.cpor.local.http.HttpApp;
import io.cpor.local.http.HttpStatusException;
import io.cpor.local.http.Request;
import io.cpor.local.http.Response;
import io.cpor.local.http.Routes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Answers Entra ID's OpenID discovery path for the demo tenants and the {@code sandbox.test} domains. */
public final class TenantDirectory {

    /** Every domain under this one resolves, to {@link #sandboxTenantId(String)}. */
    public static final String SANDBOX_SUFFIX = ".sandbox.test";
    private static final String DEMO_TENANTS = "/io/cpor/local/tenants/demo-tenants.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter ENTRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Map<String, UUID> tenantsByDomain;

    TenantDirectory(Map<String, UUID> tenantsByDomain) {
        this.tenantsByDomain = Map.copyOf(tenantsByDomain);
    }

    public static HttpApp start(String host, int port) throws IOException {
        TenantDirectory directory = new TenantDirectory(demoTenants());
        Routes routes = new Routes()
                .on("GET", "/{tenant}/v2.0/.well-known/openid-configuration", directory::discovery);
        return HttpApp.start("tenant-directory", host, port, routes, TenantDirectory::error, 0);
    }

    /**
     * The tenant id a {@code sandbox.test} domain resolves to: a name-based UUID of the lower-cased domain, so
     * tests and benchmarks can create as many tenants as they need and know their ids.
     */
    public static UUID sandboxTenantId(String domain) {
        return UUID.nameUUIDFromBytes(("cpor-sandbox-tenant:" + domain.toLowerCase(Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The tenant of a demo domain ({@code contoso.com}, ...); fails for a domain the demo data does not have. */
    public static UUID demoTenantId(String domain) {
        UUID tenant = demoTenants().get(domain.toLowerCase(Locale.ROOT));
        if (tenant == null) {
            throw new IllegalArgumentException("No demo tenant has the domain " + domain);
        }
        return tenant;
    }

    /** The tenant a domain (or a tenant id) belongs to, if the directory knows it. */
    Optional<UUID> resolve(String domainOrTenant) {
        String key = domainOrTenant.toLowerCase(Locale.ROOT);
        UUID known = tenantsByDomain.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        if (key.endsWith(SANDBOX_SUFFIX) && key.length() > SANDBOX_SUFFIX.length() && isDnsName(key)) {
            return Optional.of(sandboxTenantId(key));
        }
        try {
            UUID tenantId = UUID.fromString(key);
            return tenantsByDomain.containsValue(tenantId) ? Optional.of(tenantId) : Optional.empty();
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Response discovery(Request request) {
        String tenant = request.pathParam("tenant");
        UUID tenantId = resolve(tenant).orElseThrow(() -> new UnknownTenant(tenant));
        String base = "https://login.microsoftonline.com/" + tenantId;
        ObjectNode document = JSON.createObjectNode()
                .put("token_endpoint", base + "/oauth2/v2.0/token")
                .put("jwks_uri", "https://login.microsoftonline.com/" + tenantId + "/discovery/v2.0/keys")
                .put("issuer", base + "/v2.0")
                .put("authorization_endpoint", base + "/oauth2/v2.0/authorize")
                .put("userinfo_endpoint", "https://graph.microsoft.com/oidc/userinfo")
                .put("tenant_region_scope", "EU")
                .put("cloud_instance_name", "microsoftonline.com")
                .put("msgraph_host", "graph.microsoft.com");
        document.putArray("response_types_supported").add("code").add("id_token").add("code id_token");
        document.putArray("subject_types_supported").add("pairwise");
        document.putArray("id_token_signing_alg_values_supported").add("RS256");
        document.putArray("scopes_supported").add("openid").add("profile").add("email").add("offline_access");
        return Response.of(200, "application/json; charset=utf-8", document.toString());
    }

    private static Response error(HttpStatusException failure) {
        if (!(failure instanceof UnknownTenant unknown)) {
            return Response.of(failure.status(), "application/json; charset=utf-8",
                    JSON.createObjectNode().put("error", "not_found").put("error_description", failure.getMessage())
                            .toString());
        }
        String traceId = UUID.randomUUID().toString();
        String correlationId = UUID.randomUUID().toString();
        String timestamp = ENTRA_TIME.format(Instant.now());
        ObjectNode body = JSON.createObjectNode()
                .put("error", "invalid_tenant")
                .put("error_description", "AADSTS90002: Tenant '" + unknown.tenant + "' not found. Check to make "
                        + "sure you have the correct tenant ID and are signing into the correct cloud. Trace ID: "
                        + traceId + " Correlation ID: " + correlationId + " Timestamp: " + timestamp);
        body.putArray("error_codes").add(90002);
        body.put("timestamp", timestamp).put("trace_id", traceId).put("correlation_id", correlationId)
                .put("error_uri", "https://login.microsoftonline.com/error?code=90002");
        return Response.of(400, "application/json; charset=utf-8", body.toString());
    }

    private static boolean isDnsName(String name) {
        return name.length() <= 253 && name.matches("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    }

    private static Map<String, UUID> demoTenants() {
        try (InputStream in = TenantDirectory.class.getResourceAsStream(DEMO_TENANTS)) {
            DemoTenants file = new ObjectMapper(new YAMLFactory()).readValue(in, DemoTenants.class);
            Map<String, UUID> byDomain = new HashMap<>();
            file.tenants().forEach(tenant -> tenant.domains().forEach(domain -> byDomain.put(
                    domain.toLowerCase(Locale.ROOT), tenant.tenantId())));
            return byDomain;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DEMO_TENANTS, e);
        }
    }

    private record DemoTenants(List<DemoTenant> tenants) {
    }

    private record DemoTenant(UUID tenantId, List<String> domains) {
    }

    private static final class UnknownTenant extends HttpStatusException {

        private final String tenant;

        UnknownTenant(String tenant) {
            super(400, "Tenant '" + tenant + "' not found");
            this.tenant = tenant;
        }
    }
}
