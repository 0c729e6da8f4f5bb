package io.cpor.validation.domain;

import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * What Microsoft knows of a customer's subscription. Empty when the directory does not know it; an error when the
 * directory cannot be reached (a transient fault: the check is retried, never turned into a rejection).
 */
public interface SubscriptionDirectory {

    Mono<Optional<Subscription>> subscription(String subscriptionId);

    /**
     * A subscription: its tenant, product family ({@code BUSINESS_APPLICATIONS}, ...), purchase channel ({@code CSP},
     * {@code VOLUME_LICENSING}, {@code WEB_DIRECT}) and status ({@code ACTIVE}, {@code GRACE}, {@code EXPIRED},
     * {@code NOT_PROVISIONED}).
     */
    record Subscription(String subscriptionId, UUID tenantId, String productFamily, String purchaseChannel,
            String status) {
    }
}
