package io.cpor.local;

import io.cpor.local.http.HttpApp;
import io.cpor.local.issuer.Issuer;
import io.cpor.local.partners.PartnerDirectory;
import io.cpor.local.subscriptions.SubscriptionDirectory;
import io.cpor.local.tenants.TenantDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local platform's OAuth2 issuer, with its demo clients, its tenant, partner and subscription directories, and
 * nothing else: what docker-compose.yml's opt-in {@code demo} profile runs so the stack can be tried without an Entra
 * ID tenant.
 * <pre>
 * DemoIdentity [--host=0.0.0.0] [--issuer-port=9000] [--tenants-port=8090] [--partners-port=8091]
 *              [--subscriptions-port=8092] [--data-dir=data] [--issuer-url=http://demo-identity:9000]
 *              [--portal-redirect-uri=https://localhost:8443/portal/login/oauth2/code/cpor]...
 * </pre>
 * The issuer URL is what tokens carry as {@code iss}: the name the services reach it by, not the address it binds.
 */
public final class DemoIdentity implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoIdentity.class);

    private final Issuer issuer;
    private final HttpApp tenants;
    private final HttpApp partners;
    private final HttpApp subscriptions;

    private DemoIdentity(Issuer issuer, HttpApp tenants, HttpApp partners, HttpApp subscriptions) {
        this.issuer = issuer;
        this.tenants = tenants;
        this.partners = partners;
        this.subscriptions = subscriptions;
    }

    public static DemoIdentity start(String host, int issuerPort, int tenantsPort, int partnersPort,
            int subscriptionsPort, Path dataDirectory, String issuerUrl) throws IOException {
        return start(host, issuerPort, tenantsPort, partnersPort, subscriptionsPort, dataDirectory, issuerUrl,
                List.of());
    }

    /** As above, the portal also allowed back at these redirect URIs after sign-in (the gateway's, in compose). */
    public static DemoIdentity start(String host, int issuerPort, int tenantsPort, int partnersPort,
            int subscriptionsPort, Path dataDirectory, String issuerUrl, List<String> portalRedirectUris)
            throws IOException {
        HttpApp tenants = TenantDirectory.start(host, tenantsPort);
        HttpApp partners = PartnerDirectory.start(host, partnersPort);
        HttpApp subscriptions = SubscriptionDirectory.start(host, subscriptionsPort);
        try {
            return new DemoIdentity(Issuer.start(host, issuerPort, dataDirectory.resolve("issuer"), issuerUrl,
                    portalRedirectUris),
                    tenants, partners, subscriptions);
        }
        catch (RuntimeException e) {
            tenants.close();
            partners.close();
            subscriptions.close();
            throw e;
        }
    }

    public String issuerUrl() {
        return issuer.issuerUrl();
    }

    @Override
    public void close() {
        issuer.close();
        tenants.close();
        partners.close();
        subscriptions.close();
    }

    public static void main(String[] args) throws IOException {
        // One logging configuration for the process; the issuer's Spring Boot must not reset it.
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
        String host = "0.0.0.0";
        int issuerPort = 9000;
        int tenantsPort = 8090;
        int partnersPort = 8091;
        int subscriptionsPort = 8092;
        Path data = Path.of("data");
        String issuerUrl = null;
        List<String> portalRedirects = new ArrayList<>();
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.substring(arg.indexOf('=') + 1);
            switch (name) {
                case "--host" -> host = value;
                case "--issuer-port" -> issuerPort = Integer.parseInt(value);
                case "--tenants-port" -> tenantsPort = Integer.parseInt(value);
                case "--partners-port" -> partnersPort = Integer.parseInt(value);
                case "--subscriptions-port" -> subscriptionsPort = Integer.parseInt(value);
                case "--data-dir" -> data = Path.of(value);
                case "--issuer-url" -> issuerUrl = value;
                case "--portal-redirect-uri" -> portalRedirects.add(value);
                default -> throw new IllegalArgumentException("Unknown option " + arg + "; known: --host=, "
                        + "--issuer-port=, --tenants-port=, --partners-port=, --subscriptions-port=, --data-dir=, "
                        + "--issuer-url=, --portal-redirect-uri= (repeatable)");
            }
        }
        DemoIdentity identity = start(host, issuerPort, tenantsPort, partnersPort, subscriptionsPort, data,
                issuerUrl != null ? issuerUrl : "http://" + host + ":" + issuerPort, portalRedirects);
        Runtime.getRuntime().addShutdownHook(new Thread(identity::close, "demo-identity-shutdown"));
        log.info("Demo issuer {} (clients demo-partner-1, demo-partner-1-viewer, demo-partner-2, demo-partner-3, "
                + "demo-validator, "
                + "demo-operator; people admin@partner1.example, viewer@partner1.example, admin@partner2.example, "
                + "validator@microsoft.example), tenant directory on port {}, partner directory on port {} and subscription "
                + "directory on port {} ready", identity.issuerUrl(), tenantsPort, partnersPort, subscriptionsPort);
    }
}
