package io.cpor.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the service sends mail ({@code cpor.notification.*}).
 *
 * @param declineBusinessDays full business days the customer has to decline, after the day of the notification
 * @param declineWindow a plain duration instead of the business days, for demos and tests ({@code --decline-window})
 * @param fromAddress the sender of every mail
 * @param fromName the sender's display name
 * @param sendInterval how long the worker waits for new mail before looking for due retries again
 * @param batchSize how many due mails the worker takes at a time
 * @param batchLinger while mail keeps coming, how long the worker lets more gather after sending some (their
 *     outcomes are then stored together); after a quiet spell the first mail goes at once
 * @param lease how long a taken mail is left to its worker before another may take it (a worker that died)
 * @param maxRetryDelay the longest wait between two attempts at one mail (they grow from a second)
 * @param declineBaseUrl what every decline link must start with (association-service's public base URL): an
 *     {@code AssociationRequested} whose link points elsewhere is refused, never mailed
 * @param partnerMailLimit how many mails one partner's contacts get in a {@code partnerMailPeriod}, per instance;
 *     more wait for the window
 * @param partnerMailPeriod the window of {@code partnerMailLimit}
 */
@ConfigurationProperties("cpor.notification")
public record NotificationProperties(@DefaultValue("5") int declineBusinessDays, Duration declineWindow,
        @DefaultValue("noreply@cpor.example") String fromAddress, @DefaultValue("CPOR Partner of Record") String fromName,
        @DefaultValue("PT0.5S") Duration sendInterval, @DefaultValue("50") int batchSize,
        @DefaultValue("PT0.1S") Duration batchLinger, @DefaultValue("PT1M") Duration lease,
        @DefaultValue("PT5M") Duration maxRetryDelay,
        @DefaultValue("http://localhost:8084") String declineBaseUrl, @DefaultValue("60") int partnerMailLimit,
        @DefaultValue("PT1H") Duration partnerMailPeriod) {

    public NotificationProperties {
        if (declineBusinessDays < 1) {
            throw new IllegalArgumentException("cpor.notification.decline-business-days must be at least 1");
        }
        if (declineWindow != null && (declineWindow.isNegative() || declineWindow.isZero())) {
            throw new IllegalArgumentException("cpor.notification.decline-window must be a positive duration");
        }
        if (!declineBaseUrl.startsWith("https://") && !declineBaseUrl.startsWith("http://")) {
            throw new IllegalArgumentException("cpor.notification.decline-base-url must be an http(s) URL");
        }
        declineBaseUrl = declineBaseUrl.endsWith("/") ? declineBaseUrl : declineBaseUrl + "/";
        if (batchSize < 1) {
            throw new IllegalArgumentException("cpor.notification.batch-size must be at least 1");
        }
        if (batchLinger.isNegative()) {
            throw new IllegalArgumentException("cpor.notification.batch-linger must not be negative");
        }
    }
}
