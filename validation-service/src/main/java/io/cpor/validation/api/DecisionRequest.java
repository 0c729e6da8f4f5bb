package io.cpor.validation.api;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The body of {@code POST /api/v1/reviews/{claimId}/decision}. */
@Schema(description = "A validator's decision")
record DecisionRequest(
        @Schema(description = "APPROVE, REJECT or REQUEST_INFORMATION; in an arbitration (trigger ARBITRATION) "
                + "KEEP_HOLDER, AWARD_TO_CLAIMANT or REQUEST_INFORMATION", example = "REQUEST_INFORMATION")
        String decision,
        @Schema(description = "Why the claim is rejected; required for REJECT", nullable = true) String reason,
        @Schema(description = "What the partner must provide; required for REQUEST_INFORMATION",
                example = "Please attach the signed statement of work", nullable = true) String message,
        @ArraySchema(arraySchema = @Schema(description = "For REQUEST_INFORMATION, one or more coded reasons, as "
                + "Partner Center gives them", nullable = true), schema = @Schema(allowableValues = {
                    "MISSING_PROOF_OF_EXECUTION", "MISSING_CUSTOMER_ACKNOWLEDGEMENT", "MISSING_OR_OUTDATED_DATES",
                    "MISSING_PARTNER_SOLUTION", "MISSING_PRODUCTS"}))
        List<String> reasons) {
}
