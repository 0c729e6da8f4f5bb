package io.cpor.validation.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST /api/v1/reviews/{claimId}/decision}. */
@Schema(description = "A validator's decision")
record DecisionRequest(
        @Schema(description = "APPROVE, REJECT or REQUEST_INFORMATION", example = "REQUEST_INFORMATION")
        String decision,
        @Schema(description = "Why the claim is rejected; required for REJECT", nullable = true) String reason,
        @Schema(description = "What the partner must provide; required for REQUEST_INFORMATION",
                example = "Please attach the signed statement of work", nullable = true) String message) {
}
