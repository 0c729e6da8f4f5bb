package io.cpor.validation.domain;

import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Which tenant a domain belongs to. Empty when the directory does not know the domain; an error when the directory
 * cannot be reached (a transient fault: the check is retried, never turned into a rejection).
 */
public interface TenantDirectory {

    Mono<Optional<UUID>> tenantOf(String domain);
}
