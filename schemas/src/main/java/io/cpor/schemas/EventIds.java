package io.cpor.schemas;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Ids of derived events. An event derived from another gets a name-based UUID of the cause's id and the step, so
 * that re-emitting it after a crash or a redelivery produces the same id and downstream consumers deduplicate it.
 */
public final class EventIds {

    private EventIds() {
    }

    /**
     * The id of the event that {@code step} derives from the event {@code causeId}, e.g.
     * {@code derive(approvedEventId, "association-requested")}.
     */
    public static UUID derive(UUID causeId, String step) {
        if (step == null || step.isBlank()) {
            throw new IllegalArgumentException("step must name the derivation");
        }
        return UUID.nameUUIDFromBytes((causeId + "/" + step).getBytes(StandardCharsets.UTF_8));
    }
}
