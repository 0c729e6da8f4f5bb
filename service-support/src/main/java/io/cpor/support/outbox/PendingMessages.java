package io.cpor.support.outbox;

import java.util.List;
import java.util.UUID;

/**
 * The unpublished events of one aggregate, oldest first, as of a revision of the aggregate (a newer revision lists
 * at least the events an older one did, unless they were published meanwhile).
 */
public record PendingMessages(UUID aggregateId, long revision, List<OutboxMessage> messages) {

    public PendingMessages {
        messages = List.copyOf(messages);
    }
}
