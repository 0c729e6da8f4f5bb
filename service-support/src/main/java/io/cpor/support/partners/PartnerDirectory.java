package io.cpor.support.partners;

import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Looks a PartnerID up. Empty when the directory knows no such partner; an error (a
 * {@link io.cpor.support.kafka.TransientFailureException}) when it cannot be reached, never a made-up answer.
 */
@FunctionalInterface
public interface PartnerDirectory {

    Mono<Optional<RegisteredPartner>> partner(String partnerId);
}
