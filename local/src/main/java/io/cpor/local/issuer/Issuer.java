package io.cpor.local.issuer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** The running issuer: where its endpoints are, and how to stop it. */
public final class Issuer implements AutoCloseable {

    /** The portal on this machine, whatever its port (RFC 8252's loopback redirect). */
    static final String LOOPBACK_PORTAL_REDIRECT = "http://127.0.0.1:8086/login/oauth2/code/cpor";

    private final ConfigurableApplicationContext context;
    private final String issuerUrl;

    private Issuer(ConfigurableApplicationContext context, String issuerUrl) {
        this.context = context;
        this.issuerUrl = issuerUrl;
    }

    /** Starts the issuer on {@code host:port}, its signing key kept in {@code dataDirectory}. */
    public static Issuer start(String host, int port, Path dataDirectory) {
        return start(host, port, dataDirectory, "http://" + host + ":" + port);
    }

    /**
     * Starts the issuer listening on {@code host:port} under another name: {@code issuerUrl} is what its tokens
     * carry as {@code iss} and where its clients find it (a container's name, say, while it listens on 0.0.0.0).
     */
    public static Issuer start(String host, int port, Path dataDirectory, String issuerUrl) {
        return start(host, port, dataDirectory, issuerUrl, List.of());
    }

    /**
     * As above, the portal also sent back to these redirect URIs after sign-in (a gateway's address, say); a
     * loopback one ({@code http://127.0.0.1/login/oauth2/code/cpor} on any port) is always allowed.
     */
    public static Issuer start(String host, int port, Path dataDirectory, String issuerUrl,
            List<String> portalRedirectUris) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("server.address", host);
        settings.put("server.port", port);
        settings.put("spring.security.oauth2.authorizationserver.issuer", issuerUrl);
        settings.put("cpor.issuer.key-file", dataDirectory.resolve("signing-key.json").toAbsolutePath().toString());
        settings.put("spring.main.register-shutdown-hook", false);
        List<String> redirects = new ArrayList<>(List.of(LOOPBACK_PORTAL_REDIRECT));
        redirects.addAll(portalRedirectUris);
        settings.put("cpor.issuer.portal-redirect-uris", String.join(",", redirects));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(IssuerConfiguration.class)
                .web(WebApplicationType.SERVLET)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                // No application.yml of whatever else is on the classpath may configure the issuer...
                .properties(Map.of("spring.config.name", "cpor-local-issuer"))
                // ...and no environment variable or system property may override its settings.
                .initializers(starting -> starting.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("cpor-local-issuer", settings)))
                .run();
        return new Issuer(context, issuerUrl);
    }

    public String issuerUrl() {
        return issuerUrl;
    }

    public String tokenUrl() {
        return issuerUrl + "/oauth2/token";
    }

    public String jwksUrl() {
        return issuerUrl + "/oauth2/jwks";
    }

    @Override
    public void close() {
        context.close();
    }
}
