package io.cpor.claims.api;

import io.cpor.claims.domain.Claim;
import io.cpor.claims.domain.ClaimDetails;
import io.cpor.claims.domain.ClaimFact;
import io.cpor.support.web.Csv;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A claim as one line of the CSV export. */
final class ClaimRows {

    static final List<String> HEADER = List.of("claimId", "name", "status", "submittedAt", "updatedAt", "tenantId",
            "domain", "solutionArea", "program", "partnerRole", "workloads", "declineBy", "rejectionReasons");

    private ClaimRows() {
    }

    static String row(Claim claim) {
        Claim.State state = claim.state();
        ClaimDetails details = state.details();
        return Csv.row(Arrays.asList(state.id(), details.name(), state.status(), state.submittedAt(),
                state.updatedAt(), details.customer().tenantId(), details.customer().domain(), details.solutionArea(),
                details.program(), details.partnerRole(),
                state.workloads().entrySet().stream().map(entry -> entry.getKey() + ":" + entry.getValue())
                        .collect(Collectors.joining(" ")),
                state.declineBy(),
                state.rejectionReasons().stream().map(ClaimFact.Reason::code).collect(Collectors.joining(" "))));
    }
}
