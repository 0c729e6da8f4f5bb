package io.cpor.support.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of a service's HTTP API ({@code cpor.http.*}).
 *
 * @param maxRequestBytes the largest request body the API reads, in bytes; a larger declared length is answered 413
 */
@ConfigurationProperties("cpor.http")
public record HttpProperties(@DefaultValue("65536") long maxRequestBytes) {

    public HttpProperties {
        if (maxRequestBytes < 1) {
            throw new IllegalArgumentException("cpor.http.max-request-bytes must be at least 1");
        }
    }
}
