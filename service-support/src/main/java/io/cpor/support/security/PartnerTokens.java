package io.cpor.support.security;

import io.cpor.support.web.ProblemException;
import org.springframework.security.oauth2.jwt.Jwt;

/** The PartnerID a partner's token carries in its {@code partner_id} claim. */
public final class PartnerTokens {

    public static final String PARTNER_ID_CLAIM = "partner_id";

    private PartnerTokens() {
    }

    /** The caller's PartnerID; a token without one may not act as a partner (403). */
    public static String partnerId(Jwt token) {
        String partnerId = token.getClaimAsString(PARTNER_ID_CLAIM);
        if (partnerId == null || partnerId.isBlank()) {
            throw ProblemException.forbidden("not-a-partner", "The token carries no partner_id claim");
        }
        return partnerId;
    }
}
