package io.cpor.claims;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Claim drafts.
 *
 * @param lifetime how long a draft is kept after its last edit
 */
@ConfigurationProperties("cpor.claims.drafts")
record DraftProperties(@DefaultValue("P30D") Duration lifetime) {
}
