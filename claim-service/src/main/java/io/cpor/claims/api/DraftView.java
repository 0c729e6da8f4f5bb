package io.cpor.claims.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A draft as its partner reads it: the claim as written so far, and until when it is kept. */
@Schema(description = "A claim being written: nothing is checked but the format of what is there")
record DraftView(
        @Schema(description = "The id the claim will have once submitted",
                example = "5d9c2f7e-3b1a-4c8e-9f6d-2a7b1c0e4d53") String claimId,
        @Schema(description = "Always DRAFT", example = "DRAFT", allowableValues = "DRAFT") String status,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "When the draft is forgotten unless edited before") Instant expiresAt,
        @Schema(description = "The claim as written so far, in the form of a ClaimRequest; fields not written yet "
                + "are absent")
        Map<String, Object> claim) {

    /** The caller's drafts, most recently edited first. */
    @Schema(name = "DraftPage", description = "Your drafts, most recently edited first")
    record Page(List<DraftView> items) {
    }
}
