package io.cpor.validation.domain;

import java.util.Optional;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * The incentive programs a partner is enrolled in, as Partner Center registered them: empty when no partner has the
 * PartnerID; an error when the directory cannot be reached (a transient fault: the check is retried, never turned
 * into a rejection).
 */
public interface PartnerRegistry {

    Mono<Optional<Set<String>>> programsOf(String partnerId);
}
