package io.cpor.claims.domain;

import java.util.UUID;

/** No claim of this id belongs to the caller (another partner's claim is not found either). */
public class ClaimNotFoundException extends RuntimeException {

    public ClaimNotFoundException(UUID claimId) {
        super("No claim " + claimId);
    }
}
