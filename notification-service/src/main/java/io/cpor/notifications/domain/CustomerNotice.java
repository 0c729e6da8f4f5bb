package io.cpor.notifications.domain;

import java.util.UUID;

/** What the CustomerNotified event that follows a customer's mail names: the request, tenant and partner. */
public record CustomerNotice(UUID requestId, UUID tenantId, String partnerId) {
}
