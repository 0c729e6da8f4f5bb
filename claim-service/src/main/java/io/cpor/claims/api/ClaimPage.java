package io.cpor.claims.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A page of the caller's claims, newest first. */
@Schema(description = "Claims, newest first; pass nextCursor as cursor for the next page")
record ClaimPage(List<ClaimView> items, @Schema(nullable = true) String nextCursor) {
}
