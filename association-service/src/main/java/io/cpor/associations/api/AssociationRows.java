package io.cpor.associations.api;

import io.cpor.associations.domain.AssociationRequest;
import io.cpor.support.web.Csv;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** An association request as one line of the CSV export. */
final class AssociationRows {

    static final List<String> HEADER = List.of("requestId", "claimId", "claimName", "tenantId", "domain", "state",
            "workloads", "requestedAt", "notifiedAt", "declineBy", "activatedAt", "declinedAt", "removedAt",
            "withdrawnAt");

    private AssociationRows() {
    }

    static String row(AssociationRequest request) {
        AssociationRequest.State s = request.state();
        return Csv.row(Arrays.asList(s.requestId(), s.claim().claimId(), s.claim().claimName(), s.claim().tenantId(),
                s.claim().domain(), s.status(),
                s.workloads().stream().map(w -> w.workload() + ":" + w.outcome()).collect(Collectors.joining(" ")),
                s.createdAt(), s.notifiedAt(), s.declineBy(), s.activatedAt(), s.declinedAt(), s.removedAt(),
                s.withdrawnAt()));
    }
}
