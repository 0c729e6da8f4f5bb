package io.cpor.claims;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Disputes of rejected claims.
 *
 * @param window how long after its rejection a claim may be disputed (once)
 */
@ConfigurationProperties("cpor.claims.disputes")
record DisputeProperties(@DefaultValue("P30D") Duration window) {
}
