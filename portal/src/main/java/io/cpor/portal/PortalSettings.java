package io.cpor.portal;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the portal finds the APIs it calls on a person's behalf.
 *
 * @param claimsApi base URL of claim-service (partners' claims, their information answers and withdrawals)
 * @param reviewsApi base URL of validation-service (the validators' review queue and decisions)
 * @param associationsApi base URL of association-service (the partner's customer associations)
 * @param loopbackOnly whether the portal runs on this machine only, at 127.0.0.1: a page asked for under localhost is
 *        then sent there first (the issuer accepts a loopback redirect only by its IP address); off behind a gateway
 */
@ConfigurationProperties("cpor.portal")
public record PortalSettings(URI claimsApi, URI reviewsApi, URI associationsApi, Boolean loopbackOnly) {

    public PortalSettings {
        loopbackOnly = loopbackOnly == null || loopbackOnly;
        claimsApi = orDefault(claimsApi, "http://127.0.0.1:8080");
        reviewsApi = orDefault(reviewsApi, "http://127.0.0.1:8082");
        associationsApi = orDefault(associationsApi, "http://127.0.0.1:8084");
    }

    private static URI orDefault(URI uri, String fallback) {
        return uri == null ? URI.create(fallback) : uri;
    }
}
