package io.cpor.notifications;

import io.cpor.notifications.domain.DeclineDeadline;
import io.cpor.notifications.domain.MailRenderer;
import io.cpor.notifications.domain.MailSender;
import io.cpor.notifications.domain.MailStore;
import io.cpor.notifications.domain.Mails;
import io.cpor.notifications.domain.PartnerMailLimit;
import io.cpor.notifications.domain.NotificationEventsPublisher;
import io.cpor.support.calendar.BusinessCalendar;
import io.cpor.support.security.ApiSecurity;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/** The mail use cases and the deadline rule, wired once. The service has no API: only health and metrics answer. */
@Configuration(proxyBeanMethods = false)
class NotificationServiceConfiguration {

    @Bean
    DeclineDeadline declineDeadline(NotificationProperties properties, BusinessCalendar calendar) {
        return calendar.window(properties.declineBusinessDays(), properties.declineWindow())::apply;
    }

    @Bean
    Mails mails(MailStore store, MailRenderer renderer, MailSender sender, DeclineDeadline deadline,
            NotificationEventsPublisher publisher, Clock clock, NotificationProperties properties,
            MeterRegistry meters) {
        return new Mails(store, renderer, sender, deadline, publisher, clock, properties.lease(),
                properties.maxRetryDelay(), new PartnerMailLimit(properties.partnerMailLimit(),
                        properties.partnerMailPeriod()), (mail, outcome) -> meters.counter("cpor.notifications.mails.attempts",
                        "kind", mail.kind().name(), "outcome", outcome.name()).increment());
    }

    @Bean
    SecurityWebFilterChain operationsOnly(ServerHttpSecurity http) {
        return ApiSecurity.operationsOnly(http);
    }
}
