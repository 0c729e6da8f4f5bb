package io.cpor.validation.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A validator's question and, once given, the partner's answer. */
public record InformationExchange(UUID requestEventId, Instant requestedAt, String requestedBy, String question,
        List<String> reasons, Instant answerBy, Instant answeredAt, String answer,
        List<ClaimSnapshot.DocumentRef> documents) {

    public InformationExchange {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        documents = List.copyOf(documents);
    }

    boolean open() {
        return answeredAt == null;
    }

    InformationExchange answered(Instant at, String text, List<ClaimSnapshot.DocumentRef> attached) {
        return new InformationExchange(requestEventId, requestedAt, requestedBy, question, reasons, answerBy, at,
                text, attached);
    }
}
