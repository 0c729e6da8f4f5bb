/**
 * The partner API under {@code /api/v1/claims}: request and response bodies, their validation (every offending
 * field in one RFC 9457 answer), the security chain (bearer JWT, scope {@code cpor.claims}, the caller's own claims
 * only) and the OpenAPI description.
 */
package io.cpor.claims.api;
