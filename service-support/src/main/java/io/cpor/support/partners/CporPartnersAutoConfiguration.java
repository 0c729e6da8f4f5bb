package io.cpor.support.partners;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/** The partner directory client of a service that names one ({@code cpor.partners.base-url}). */
@AutoConfiguration
@ConditionalOnProperty("cpor.partners.base-url")
@EnableConfigurationProperties(PartnerDirectoryProperties.class)
public class CporPartnersAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PartnerDirectory partnerDirectory(ObjectProvider<WebClient.Builder> builder,
            PartnerDirectoryProperties properties) {
        return new HttpPartnerDirectory(builder.getIfAvailable(WebClient::builder), properties);
    }
}
