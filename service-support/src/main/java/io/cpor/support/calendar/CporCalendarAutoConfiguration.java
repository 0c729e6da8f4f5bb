package io.cpor.support.calendar;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;

/**
 * The business calendar of {@code cpor.calendar.*}, with defaults (Redmond time, the holidays of the years the
 * platform runs in) from {@code calendar-defaults.properties} that a service's own configuration overrides.
 */
@AutoConfiguration
@EnableConfigurationProperties(CalendarProperties.class)
@PropertySource("classpath:io/cpor/support/calendar/calendar-defaults.properties")
public class CporCalendarAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    BusinessCalendar businessCalendar(CalendarProperties properties) {
        return properties.calendar();
    }
}
