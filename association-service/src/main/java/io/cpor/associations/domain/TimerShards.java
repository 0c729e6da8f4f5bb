package io.cpor.associations.domain;

import java.util.Set;
import java.util.UUID;

/**
 * Which instance fires a request's timer: the one that consumes the partition its customer's notices come on (they
 * are keyed by tenant). Instances so fire disjoint sets of timers without asking each other, and the set moves with
 * the partitions when an instance starts or stops.
 */
public interface TimerShards {

    /** The shard of a tenant's requests. */
    int of(UUID tenantId);

    /** The shards this instance holds now (none while it holds no partition). */
    Set<Integer> owned();
}
