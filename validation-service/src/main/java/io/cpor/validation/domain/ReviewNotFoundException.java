package io.cpor.validation.domain;

import java.util.UUID;

/** No review of this claim exists (it was never submitted, or not yet checked). */
public class ReviewNotFoundException extends RuntimeException {

    public ReviewNotFoundException(UUID claimId) {
        super("No review of claim " + claimId);
    }
}
