package io.cpor.support.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Business days in a zone: Monday to Friday except configured holidays. Deadlines are exclusive instants: a window
 * that "closes at the end of" a day closes at the start (00:00 in the zone) of the next calendar day.
 */
public final class BusinessCalendar {

    private final ZoneId zone;
    private final Set<LocalDate> holidays;

    public BusinessCalendar(ZoneId zone, Collection<LocalDate> holidays) {
        this.zone = zone;
        this.holidays = Set.copyOf(holidays);
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isBusinessDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /**
     * The end of the n-th full business day after {@code from}: the day {@code from} falls on never counts, however
     * early it is, and weekends and holidays are skipped.
     */
    public Instant endOfFullBusinessDaysAfter(Instant from, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1");
        }
        LocalDate day = from.atZone(zone).toLocalDate();
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                counted++;
            }
        }
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /**
     * A window of {@code days} full business days after its start, or, when {@code override} is given (demos and
     * tests), of that plain duration.
     */
    public UnaryOperator<Instant> window(int days, Duration override) {
        if (override != null) {
            return start -> start.plus(override);
        }
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1");
        }
        return start -> endOfFullBusinessDaysAfter(start, days);
    }
}
