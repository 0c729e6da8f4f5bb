package io.cpor.validation.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A validator's question, what the partner changed in the claim while it was open, and the partner's answer. */
public record InformationExchange(UUID requestEventId, Instant requestedAt, String requestedBy, String question,
        List<String> reasons, Instant answerBy, Instant answeredAt, String answer,
        List<ClaimSnapshot.DocumentRef> documents, List<ClaimChange> changes) {

    public InformationExchange {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        documents = List.copyOf(documents);
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    boolean open() {
        return answeredAt == null;
    }

    InformationExchange answered(Instant at, String text, List<ClaimSnapshot.DocumentRef> attached) {
        return new InformationExchange(requestEventId, requestedAt, requestedBy, question, reasons, answerBy, at,
                text, attached, changes);
    }

    InformationExchange changed(List<ClaimChange> more) {
        List<ClaimChange> all = new java.util.ArrayList<>(changes);
        all.addAll(more);
        return new InformationExchange(requestEventId, requestedAt, requestedBy, question, reasons, answerBy,
                answeredAt, answer, documents, all);
    }
}
