package io.cpor.claims.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** The answer to a submission: the claim is stored, its event will be published. */
@Schema(description = "The claim is stored; follow it at the Location given")
record ClaimAccepted(@Schema(example = "5d9c2f7e-3b1a-4c8e-9f6d-2a7b1c0e4d53") String claimId,
        @Schema(example = "SUBMITTED") String status, Instant submittedAt) {
}
