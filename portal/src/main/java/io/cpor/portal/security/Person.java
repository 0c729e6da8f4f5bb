package io.cpor.portal.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who is signed in, as the issuer's ID token tells it: what the pages offer them. The APIs decide again from the
 * access token, so a page offering too much would still be refused.
 *
 * @param partnerId the PartnerID of a partner's person; null for a validator
 */
public record Person(String name, String email, String partnerId, Set<String> scopes) {

    /** The ID token claim naming the scopes of the person's access tokens. */
    public static final String SCOPES_CLAIM = "cpor_scopes";
    public static final String PARTNER_ID_CLAIM = "partner_id";
    static final String PARTNER_SCOPE = "cpor.claims";
    static final String PARTNER_READ_SCOPE = "cpor.claims.read";
    static final String REVIEW_SCOPE = "cpor.review";

    public Person {
        scopes = Set.copyOf(scopes);
    }

    public static Person of(OidcUser user) {
        Object scopes = user.getClaims().get(SCOPES_CLAIM);
        List<String> granted = scopes instanceof Collection<?> values
                ? values.stream().map(String::valueOf).toList() : List.of();
        String name = user.getFullName() != null ? user.getFullName() : user.getSubject();
        String email = user.getEmail() != null ? user.getEmail() : user.getSubject();
        return new Person(name, email, user.getClaimAsString(PARTNER_ID_CLAIM), Set.copyOf(granted));
    }

    /** An Incentives admin: creates claims, answers questions, withdraws. */
    public boolean canChangeClaims() {
        return partnerId != null && scopes.contains(PARTNER_SCOPE);
    }

    /** Anyone of a partner: reads, lists and exports the partner's claims and associations. */
    public boolean canReadClaims() {
        return partnerId != null && (scopes.contains(PARTNER_SCOPE) || scopes.contains(PARTNER_READ_SCOPE));
    }

    /** A Microsoft validator: works the review queue. */
    public boolean isValidator() {
        return scopes.contains(REVIEW_SCOPE);
    }
}
