package io.cpor.support.web;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** Problem answers, strict JSON and the request size limit for a reactive web service. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(HttpProperties.class)
public class CporWebAutoConfiguration {

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return StrictJson.customizer();
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RequestSizeLimit requestSizeLimit(HttpProperties http) {
        return new RequestSizeLimit(http.maxRequestBytes());
    }

    /** After the security chain (which has the caller by then): writes per partner are limited. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    PartnerWriteLimit partnerWriteLimit(HttpProperties http, ObjectProvider<Clock> clock) {
        return new PartnerWriteLimit(http.partnerWrites(), http.partnerWritesPeriod(),
                clock.getIfAvailable(Clock::systemUTC));
    }
}
