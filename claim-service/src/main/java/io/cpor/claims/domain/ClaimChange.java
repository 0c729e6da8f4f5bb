package io.cpor.claims.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One field of a claim the partner changed while a validator's question was open, before and after in words (so a
 * validator reads the change without comparing documents). A comment is a change of the field {@code comment}.
 */
public record ClaimChange(String field, String before, String after) {

    public static final String COMMENT = "comment";

    /** Every field that differs between the two, in the order of the claim, then the comment if there is one. */
    static List<ClaimChange> between(ClaimDetails before, ClaimDetails after, String comment) {
        List<ClaimChange> changes = new ArrayList<>();
        compare(changes, "customer.contact", before, after, details -> person(details.customer().contact()));
        compare(changes, "partnerContact", before, after, details -> person(details.partnerContact()));
        compare(changes, "technicalContact", before, after, details -> person(details.technicalContact()));
        compare(changes, "workloads", before, after, details -> String.join(", ", details.workloads()));
        compare(changes, "proofOfExecution", before, after, details -> document(details.proofOfExecution()));
        if (comment != null) {
            changes.add(new ClaimChange(COMMENT, null, comment));
        }
        return changes;
    }

    private static void compare(List<ClaimChange> changes, String field, ClaimDetails before, ClaimDetails after,
            Function<ClaimDetails, String> words) {
        String was = words.apply(before);
        String is = words.apply(after);
        if (!Objects.equals(was, is)) {
            changes.add(new ClaimChange(field, was, is));
        }
    }

    private static String person(ClaimDetails.CustomerContact contact) {
        return contact.name() + (contact.title() == null ? "" : ", " + contact.title()) + " <" + contact.email()
                + ">";
    }

    private static String person(ClaimDetails.PartnerContact contact) {
        return contact.name() + " <" + contact.email() + ">";
    }

    private static String person(ClaimDetails.TechnicalContact contact) {
        return contact == null ? null : contact.name() + " <" + contact.email() + ">"
                + (contact.phone() == null ? "" : ", " + contact.phone());
    }

    private static String document(ClaimDetails.DocumentRef document) {
        return document == null ? null : document.fileName() + " (" + document.mediaType() + ", "
                + document.sizeBytes() + " bytes, SHA-256 " + document.sha256() + ", " + document.uri() + ")";
    }
}
