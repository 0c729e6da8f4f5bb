package io.cpor.local.issuer;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The demo clients of the local platform. They do not exist anywhere else. */
public final class DemoClients {

    /** The secret of every demo client. */
    public static final String SECRET = "demo-secret";
    public static final String PARTNER_SCOPE = "cpor.claims";
    /** An Incentives user: reads, lists and exports the partner's claims and associations, changes nothing. */
    public static final String PARTNER_READ_SCOPE = "cpor.claims.read";
    public static final String REVIEW_SCOPE = "cpor.review";
    /** Operations: health details on the services' management ports. */
    public static final String OPERATIONS_SCOPE = "cpor.operations";
    /** The audience of the CPOR APIs: every token the services accept names it in {@code aud}. */
    public static final String AUDIENCE = "api://cpor";

    /**
     * A client-credentials client; partners carry their PartnerID in the {@code partner_id} claim, and every token
     * names its audience.
     */
    public record DemoClient(String clientId, Set<String> scopes, String partnerId, String audience) {
    }

    public static final List<DemoClient> ALL = List.of(
            new DemoClient("demo-partner-1", Set.of(PARTNER_SCOPE), "1000001", AUDIENCE),
            new DemoClient("demo-partner-1-viewer", Set.of(PARTNER_READ_SCOPE), "1000001", AUDIENCE),
            new DemoClient("demo-partner-2", Set.of(PARTNER_SCOPE), "1000002", AUDIENCE),
            // A partner enrolled in one program only (OSA_SELL): its other claims are rejected.
            new DemoClient("demo-partner-3", Set.of(PARTNER_SCOPE), "1000003", AUDIENCE),
            new DemoClient("demo-validator", Set.of(REVIEW_SCOPE), null, AUDIENCE),
            new DemoClient("demo-operator", Set.of(OPERATIONS_SCOPE), null, AUDIENCE),
            // Another application of the same issuer that happens to expose scopes of the same names: its tokens
            // are for its own API, and the CPOR services refuse them.
            new DemoClient("demo-other-app", Set.of(PARTNER_SCOPE, REVIEW_SCOPE), "1000001", "api://other-app"));

    /** The portal: a web application that signs people in (authorization code with PKCE) and calls the APIs. */
    public static final String PORTAL_CLIENT_ID = "cpor-portal";
    /** The password of every demo person. */
    public static final String USER_PASSWORD = "demo-password";

    /**
     * A person who signs in at the issuer (the portal's users): their tokens carry the same {@code partner_id} and
     * scopes as the demo client of the same role.
     */
    public record DemoUser(String username, String name, Set<String> scopes, String partnerId) {
    }

    public static final List<DemoUser> USERS = List.of(
            new DemoUser("admin@partner1.example", "Alex Admin", Set.of(PARTNER_SCOPE), "1000001"),
            new DemoUser("viewer@partner1.example", "Vera Viewer", Set.of(PARTNER_READ_SCOPE), "1000001"),
            new DemoUser("admin@partner2.example", "Blake Admin", Set.of(PARTNER_SCOPE), "1000002"),
            new DemoUser("validator@microsoft.example", "Val Validator", Set.of(REVIEW_SCOPE), null));

    private DemoClients() {
    }

    public static Optional<DemoUser> user(String username) {
        return USERS.stream().filter(user -> user.username().equals(username)).findFirst();
    }

    public static Optional<DemoClient> named(String clientId) {
        return ALL.stream().filter(client -> client.clientId().equals(clientId)).findFirst();
    }
}
