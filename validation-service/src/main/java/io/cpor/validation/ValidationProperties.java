package io.cpor.validation;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The rules of validation that are configuration, not code.
 *
 * @param informationBusinessDays how many full business days a partner has to answer an information request
 * @param informationWindow a plain duration instead, for demos and tests (unset: business days)
 * @param proofMediaTypes media types a proof of execution may have
 * @param proofMaxSize how large a proof of execution may be
 * @param timerInterval how often claims whose information deadline passed are looked for (and rejected)
 * @param reviewBusinessDays how many full business days after it entered the queue a review is due
 */
@ConfigurationProperties("cpor.validation")
record ValidationProperties(@DefaultValue("14") int informationBusinessDays, Duration informationWindow,
        @DefaultValue({"application/pdf", "image/png", "image/jpeg"}) Set<String> proofMediaTypes,
        @DefaultValue("10MB") DataSize proofMaxSize, @DefaultValue("PT10S") Duration timerInterval,
        @DefaultValue("14") int reviewBusinessDays) {
}
