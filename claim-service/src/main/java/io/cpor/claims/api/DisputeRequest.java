package io.cpor.claims.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The body of {@code POST /api/v1/claims/{claimId}/dispute}. */
@Schema(description = "Your dispute of the claim's rejection")
record DisputeRequest(
        @Schema(description = "Why the rejection is wrong, at most 4000 characters",
                example = "The customer's signed acknowledgement was attached to the proof; a copy is attached.")
        String justification,
        @Schema(description = "Supporting documents, at most 20", nullable = true)
        List<ClaimRequest.DocumentRequest> documents) {
}
