package io.cpor.validation.directory;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where tenants are looked up.
 *
 * @param baseUrl the directory, e.g. {@code https://login.microsoftonline.com} (the local platform serves one)
 * @param timeout how long one lookup may take before it counts as the directory being unreachable
 * @param cacheSize how many domains are remembered
 * @param cacheTtl how long an answer is remembered
 */
@ConfigurationProperties("cpor.tenant-directory")
record TenantDirectoryProperties(@DefaultValue("https://login.microsoftonline.com") String baseUrl,
        @DefaultValue("PT5S") Duration timeout, @DefaultValue("10000") long cacheSize,
        @DefaultValue("PT10M") Duration cacheTtl) {
}
