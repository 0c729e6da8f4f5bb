package io.cpor.associations.domain;

/** Publishes the stored events of a request soon (the outbox relay); a sweep publishes whatever is left. */
@FunctionalInterface
public interface AssociationEventsPublisher {

    void publishSoon(AssociationRequest stored);
}
