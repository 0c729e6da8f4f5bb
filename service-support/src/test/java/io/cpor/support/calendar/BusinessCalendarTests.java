package io.cpor.support.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusinessCalendarTests {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    private final BusinessCalendar calendar = new BusinessCalendar(PACIFIC, List.of(
            LocalDate.parse("2026-11-26"), LocalDate.parse("2026-12-25"), LocalDate.parse("2027-01-01")));

    @Test
    void countsFiveFullBusinessDaysAfterAMondayMorning() {
        // Monday 2026-11-02 10:00 PST: Tue, Wed, Thu, Fri, Mon -> closes at the end of Monday 2026-11-09.
        assertThat(calendar.endOfFullBusinessDaysAfter(pacific("2026-11-02T10:00"), 5))
                .isEqualTo(pacific("2026-11-10T00:00"));
    }

    @Test
    void startsCountingOnMondayAfterAFridayEvening() {
        assertThat(calendar.endOfFullBusinessDaysAfter(pacific("2026-11-13T23:30"), 5))
                .isEqualTo(pacific("2026-11-21T00:00"));
    }

    @Test
    void skipsAHolidayInsideTheWindow() {
        // Monday 2026-11-23: Tue 24, Wed 25, (Thu 26 Thanksgiving), Fri 27, Mon 30, Tue Dec 1.
        assertThat(calendar.endOfFullBusinessDaysAfter(pacific("2026-11-23T09:00"), 5))
                .isEqualTo(pacific("2026-12-02T00:00"));
    }

    @Test
    void countsAcrossTheChangeFromDaylightSavingTime() {
        // DST ends on Sunday 2026-11-01 in Los Angeles; the deadline is midnight PST, 08:00 UTC.
        Instant deadline = calendar.endOfFullBusinessDaysAfter(pacific("2026-10-29T12:00"), 5);
        assertThat(deadline).isEqualTo(pacific("2026-11-06T00:00")).isEqualTo(Instant.parse("2026-11-06T08:00:00Z"));
    }

    @Test
    void countsAcrossTheYearEndAndItsHolidays() {
        // Wed 2026-12-23: Thu 24, (Fri 25 Christmas), Mon 28, Tue 29, Wed 30, Thu 31.
        assertThat(calendar.endOfFullBusinessDaysAfter(pacific("2026-12-23T16:00"), 5))
                .isEqualTo(pacific("2027-01-01T00:00"));
        // Thu 2026-12-31: (Fri Jan 1), Mon 4, Tue 5, Wed 6, Thu 7, Fri 8.
        assertThat(calendar.endOfFullBusinessDaysAfter(pacific("2026-12-31T08:00"), 5))
                .isEqualTo(pacific("2027-01-09T00:00"));
    }

    @Test
    void startsCountingOnMondayForANotificationOnAWeekend() {
        assertThat(calendar.endOfFullBusinessDaysAfter(pacific("2026-11-07T11:00"), 5))
                .isEqualTo(pacific("2026-11-14T00:00"));
        assertThat(calendar.isBusinessDay(LocalDate.parse("2026-11-07"))).isFalse();
    }

    @Test
    void refusesAWindowOfNoDays() {
        assertThatThrownBy(() -> calendar.endOfFullBusinessDaysAfter(Instant.now(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Instant pacific(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(PACIFIC).toInstant();
    }

    @Test
    void windowIsBusinessDaysUnlessAPlainDurationOverridesIt() {
        BusinessCalendar calendar = new BusinessCalendar(ZoneId.of("America/Los_Angeles"), List.of());
        Instant friday = Instant.parse("2026-10-10T02:00:00Z");

        assertThat(calendar.window(5, null).apply(friday)).isEqualTo(Instant.parse("2026-10-17T07:00:00Z"));
        assertThat(calendar.window(5, Duration.ofMinutes(1)).apply(friday)).isEqualTo(friday.plusSeconds(60));
    }
}
