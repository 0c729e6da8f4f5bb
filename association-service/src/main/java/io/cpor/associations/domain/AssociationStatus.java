package io.cpor.associations.domain;

/** Where an association request stands. */
public enum AssociationStatus {
    /** Workloads reserved; the customer is being told. */
    RESERVED,
    /** The customer was told and may decline until the deadline. */
    AWAITING_CUSTOMER,
    /** Official: the deadline passed without a decline. */
    ACTIVE,
    /** The customer declined before the deadline. */
    DECLINED,
    /** The customer ended an active association. */
    REMOVED,
    /** The partner withdrew the claim before it became active. */
    WITHDRAWN,
    /** The partner ended the association, waiting on the customer or active ("Disassociate customer"). */
    DISASSOCIATED,
    /** Every workload was held already: nothing to ask the customer. */
    CONFLICTED,
    /** Some workloads are held by another partner: Microsoft arbitrates; the reserved ones are held meanwhile. */
    CONTESTED,
    /** Every workload it held was awarded to another partner after arbitration. */
    SUPERSEDED;

    public boolean holdsWorkloads() {
        return this == RESERVED || this == AWAITING_CUSTOMER || this == ACTIVE || this == CONTESTED;
    }
}
