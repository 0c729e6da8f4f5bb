package io.cpor.claims.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** The optional body of {@code POST /api/v1/claims/{claimId}/withdraw}. */
@Schema(description = "Why you withdraw the claim (optional)")
record WithdrawRequest(@Schema(description = "At most 1000 characters", example = "Submitted for the wrong tenant",
        nullable = true) String reason) {
}
