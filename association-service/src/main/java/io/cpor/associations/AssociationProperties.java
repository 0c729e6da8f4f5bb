package io.cpor.associations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How associations are run ({@code cpor.associations.*}).
 *
 * @param publicBaseUrl where customers reach the decline page (the links in the mails start with it)
 * @param linkLifetime how long a decline link works after the request opens (to decline, then to remove)
 * @param timerInterval how often due timers are looked for
 * @param timerGrace how long past its deadline a timer is left to the instance that holds its shard before any
 *     instance fires it (an instance that stopped, a shard nobody holds)
 * @param timerBatch how many due timers of a shard one look takes (and fires in one write)
 * @param declineBusinessDays full business days the customer has to decline, after the day of the notification:
 *     a {@code CustomerNotified} whose deadline is earlier than that is refused
 * @param declineWindow a plain duration instead of the business days, for demos and tests ({@code --decline-window})
 * @param clockSkew how far in the future a {@code CustomerNotified} may say the mail was sent
 */
@ConfigurationProperties("cpor.associations")
public record AssociationProperties(@DefaultValue("http://localhost:8084") String publicBaseUrl,
        @DefaultValue("P180D") Duration linkLifetime, @DefaultValue("PT1S") Duration timerInterval,
        @DefaultValue("PT30S") Duration timerGrace, @DefaultValue("1000") int timerBatch,
        @DefaultValue("5") int declineBusinessDays, Duration declineWindow,
        @DefaultValue("PT1M") Duration clockSkew) {

    public AssociationProperties {
        if (!publicBaseUrl.startsWith("https://") && !publicBaseUrl.startsWith("http://")) {
            throw new IllegalArgumentException("cpor.associations.public-base-url must be an http(s) URL");
        }
        if (timerBatch < 1) {
            throw new IllegalArgumentException("cpor.associations.timer-batch must be at least 1");
        }
    }
}
