/**
 * The claim as the partner sees it: what was submitted, its status and the state of each workload, the timeline,
 * and the events a change emits (kept with the claim until published). Pure Java: ports ({@link
 * io.cpor.claims.domain.ClaimStore}, {@link io.cpor.claims.domain.ClaimEventsPublisher}) connect it to the world.
 */
package io.cpor.claims.domain;
