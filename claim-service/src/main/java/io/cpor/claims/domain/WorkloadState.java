package io.cpor.claims.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The association state of one workload of a claim, with the moves it allows. */
public enum WorkloadState {

    REQUESTED, CONFLICT, PENDING_CUSTOMER, ACTIVE, DECLINED, REMOVED, WITHDRAWN, CONTESTED;

    private static final Map<WorkloadState, Set<WorkloadState>> NEXT = Map.of(
            REQUESTED, EnumSet.of(CONFLICT, PENDING_CUSTOMER, ACTIVE, DECLINED, WITHDRAWN, CONTESTED),
            // Another partner held it: after arbitration, asked of the customer or refused.
            CONTESTED, EnumSet.of(REQUESTED, CONFLICT, PENDING_CUSTOMER, WITHDRAWN),
            // Awarded to another partner after arbitration: removed.
            PENDING_CUSTOMER, EnumSet.of(CONFLICT, ACTIVE, DECLINED, WITHDRAWN, REMOVED),
            // An activation reversed by a decline clicked before the deadline; a removal later on.
            ACTIVE, EnumSet.of(DECLINED, REMOVED),
            // A withdrawal that raced an activation: the activation is what happened.
            WITHDRAWN, EnumSet.of(ACTIVE),
            CONFLICT, EnumSet.noneOf(WorkloadState.class),
            DECLINED, EnumSet.noneOf(WorkloadState.class),
            REMOVED, EnumSet.noneOf(WorkloadState.class));

    boolean canBecome(WorkloadState next) {
        return NEXT.get(this).contains(next);
    }
}
