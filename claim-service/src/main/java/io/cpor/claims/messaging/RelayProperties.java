package io.cpor.claims.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How claims' events are published.
 *
 * @param lanes parallel publishers; a claim always uses the same one, so its events stay in order
 * @param sweepInterval how often unpublished events are looked for (after a broker outage or a crash); an event
 *        goes out again once two sweeps in a row found it
 */
@ConfigurationProperties("cpor.relay")
record RelayProperties(@DefaultValue("4") int lanes, @DefaultValue("PT5S") Duration sweepInterval) {
}
