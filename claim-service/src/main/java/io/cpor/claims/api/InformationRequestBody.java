package io.cpor.claims.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The body of {@code POST /api/v1/claims/{claimId}/information}. */
@Schema(description = "Your answer to the validator's information request")
record InformationRequestBody(
        @Schema(description = "The answer, at most 4000 characters",
                example = "The signed statement of work is attached.") String message,
        @Schema(description = "Supporting documents, at most 20", nullable = true)
        List<ClaimRequest.DocumentRequest> documents) {
}
