package io.cpor.support.partners;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where partners are looked up.
 *
 * @param baseUrl the partner directory; {@code GET {baseUrl}/partners/{partnerId}} answers a partner or 404
 * @param timeout how long one lookup may take before it counts as the directory being unreachable
 * @param cacheSize how many partners are remembered
 * @param cacheTtl how long an answer is remembered
 */
@ConfigurationProperties("cpor.partners")
public record PartnerDirectoryProperties(String baseUrl, @DefaultValue("PT5S") Duration timeout,
        @DefaultValue("10000") long cacheSize, @DefaultValue("PT10M") Duration cacheTtl) {
}
