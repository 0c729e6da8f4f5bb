package io.cpor.support.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The business calendar: the zone deadlines are counted in, and the holidays of each year, e.g.
 * <pre>
 * cpor.calendar.zone: America/Los_Angeles
 * cpor.calendar.holidays.2026: 2026-01-01, 2026-05-25, 2026-07-03, 2026-09-07, 2026-11-26, 2026-12-25
 * </pre>
 *
 * @param zone the zone business days are counted in
 * @param holidays the days that are not business days, per year ({@code cpor.calendar.holidays.<year>}); a year
 *     given here replaces the shipped one, other shipped years stay
 */
@ConfigurationProperties("cpor.calendar")
public record CalendarProperties(@DefaultValue("America/Los_Angeles") ZoneId zone,
        Map<Integer, List<LocalDate>> holidays) {

    public CalendarProperties {
        holidays = holidays == null ? Map.of() : Map.copyOf(holidays);
    }

    public BusinessCalendar calendar() {
        return new BusinessCalendar(zone, holidays.values().stream().flatMap(List::stream).toList());
    }
}
