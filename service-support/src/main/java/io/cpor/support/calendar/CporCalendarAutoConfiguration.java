package io.cpor.support.calendar;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The business calendar of {@code cpor.calendar.*}. */
@AutoConfiguration
@EnableConfigurationProperties(CalendarProperties.class)
public class CporCalendarAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    BusinessCalendar businessCalendar(CalendarProperties properties) {
        return properties.calendar();
    }
}
