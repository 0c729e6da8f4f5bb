package io.cpor.support.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The calendar a service gets: the shipped defaults, which its own configuration extends or overrides. */
class CporCalendarAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CporCalendarAutoConfiguration.class));

    @Test
    void defaultsToRedmondTimeAndTheShippedHolidays() {
        runner.run(context -> {
            BusinessCalendar calendar = context.getBean(BusinessCalendar.class);
            assertThat(calendar.zone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
            assertThat(calendar.isBusinessDay(LocalDate.parse("2026-11-26"))).isFalse();
            assertThat(calendar.isBusinessDay(LocalDate.parse("2027-01-01"))).isFalse();
            assertThat(calendar.isBusinessDay(LocalDate.parse("2026-11-25"))).isTrue();
        });
    }

    @Test
    void aServiceAddsYearsAndChangesTheZoneWithoutLosingTheDefaults() {
        runner.withPropertyValues("cpor.calendar.zone=Europe/Dublin", "cpor.calendar.holidays.2028=2028-01-03")
                .run(context -> {
                    BusinessCalendar calendar = context.getBean(BusinessCalendar.class);
                    assertThat(calendar.zone()).isEqualTo(ZoneId.of("Europe/Dublin"));
                    assertThat(calendar.isBusinessDay(LocalDate.parse("2028-01-03"))).isFalse();
                    assertThat(calendar.isBusinessDay(LocalDate.parse("2026-12-25"))).isFalse();
                });
    }
}
