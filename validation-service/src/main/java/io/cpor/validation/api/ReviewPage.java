package io.cpor.validation.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A page of the review queue, oldest first. */
@Schema(description = "Reviews, oldest first; pass nextCursor as cursor for the next page")
record ReviewPage(List<ReviewView> items, @Schema(nullable = true) String nextCursor) {
}
