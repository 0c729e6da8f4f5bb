package io.cpor.support.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of a service's HTTP API ({@code cpor.http.*}).
 *
 * @param maxRequestBytes the largest request body the API reads, in bytes; a larger declared length is answered 413
 * @param partnerWrites how many changes (POST, PUT, PATCH, DELETE) one partner may make per
 *     {@code partnerWritesPeriod}, per instance; more are answered 429 with {@code Retry-After}
 * @param partnerWritesPeriod the window of {@code partnerWrites}
 */
@ConfigurationProperties("cpor.http")
public record HttpProperties(@DefaultValue("65536") long maxRequestBytes, @DefaultValue("300") int partnerWrites,
        @DefaultValue("PT1M") Duration partnerWritesPeriod) {

    public HttpProperties {
        if (maxRequestBytes < 1) {
            throw new IllegalArgumentException("cpor.http.max-request-bytes must be at least 1");
        }
        if (partnerWrites < 1 || partnerWritesPeriod.isNegative() || partnerWritesPeriod.isZero()) {
            throw new IllegalArgumentException("cpor.http.partner-writes must be at least 1 in a positive period");
        }
    }
}
