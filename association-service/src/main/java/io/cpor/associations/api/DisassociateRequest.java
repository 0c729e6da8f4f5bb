package io.cpor.associations.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST /api/v1/associations/{requestId}/disassociate}. */
@Schema(description = "Why the partner ends the association")
record DisassociateRequest(
        @Schema(description = "In your words, at most 1000 characters; the customer is told the association ended",
                example = "The customer moved to another partner") String reason) {
}
