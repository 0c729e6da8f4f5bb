package io.cpor.local.issuer;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The demo clients of the local platform. They do not exist anywhere else. */
public final class DemoClients {

    /** The secret of every demo client. */
    public static final String SECRET = "demo-secret";
    public static final String PARTNER_SCOPE = "cpor.claims";
    public static final String REVIEW_SCOPE = "cpor.review";

    /** A client-credentials client; partners carry their PartnerID in the {@code partner_id} claim. */
    public record DemoClient(String clientId, Set<String> scopes, String partnerId) {
    }

    public static final List<DemoClient> ALL = List.of(
            new DemoClient("demo-partner-1", Set.of(PARTNER_SCOPE), "1000001"),
            new DemoClient("demo-partner-2", Set.of(PARTNER_SCOPE), "1000002"),
            new DemoClient("demo-validator", Set.of(REVIEW_SCOPE), null));

    private DemoClients() {
    }

    public static Optional<DemoClient> named(String clientId) {
        return ALL.stream().filter(client -> client.clientId().equals(clientId)).findFirst();
    }
}
