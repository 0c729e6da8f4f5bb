package io.cpor.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpor.notifications.domain.DeclineDeadline;
import io.cpor.support.calendar.CalendarProperties;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.support.ResourcePropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The deadline the customer is told, as the service ships (its application.yml over the calendar defaults: Pacific
 * time, the US holidays of 2026 and 2027, five full business days): each case with the exact instant it closes.
 */
class DeclineDeadlineTests {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    private final DeclineDeadline shipped = deadline(List.of());

    @Test
    void fridayEveningCountsFromMonday() {
        assertThat(shipped.declineBy(pacific("2026-10-09T19:00"))).isEqualTo(pacific("2026-10-17T00:00"))
                .isEqualTo(Instant.parse("2026-10-17T07:00:00Z"));
    }

    @Test
    void thanksgivingInsideTheWindowIsSkipped() {
        // Mon 23: Tue 24, Wed 25, (Thu 26 and Fri 27 holidays), Mon 30, Tue 1, Wed 2; the window closes Thursday 00:00.
        assertThat(shipped.declineBy(pacific("2026-11-23T09:00"))).isEqualTo(Instant.parse("2026-12-03T08:00:00Z"));
    }

    @Test
    void fridayEveningBeforeThanksgivingWeekSkipsBothHolidays() {
        assertThat(shipped.declineBy(pacific("2026-11-20T18:30"))).isEqualTo(Instant.parse("2026-12-02T08:00:00Z"));
    }

    @Test
    void windowSpanningTheEndOfDaylightSavingTimeClosesAtLocalMidnight() {
        // Wed 28 Oct (PDT, UTC-7): Thu 29, Fri 30, Mon 2, Tue 3, Wed 4 Nov; midnight is then 08:00 UTC (PST, UTC-8).
        assertThat(shipped.declineBy(pacific("2026-10-28T10:00"))).isEqualTo(Instant.parse("2026-11-05T08:00:00Z"));
    }

    @Test
    void windowSpanningTheYearEndSkipsNewYearsDay() {
        // Mon 28 Dec: Tue 29, Wed 30, Thu 31, (Fri 1 Jan holiday), Mon 4, Tue 5.
        assertThat(shipped.declineBy(pacific("2026-12-28T10:00"))).isEqualTo(Instant.parse("2027-01-06T08:00:00Z"));
    }

    @Test
    void notificationOnAWeekendCountsFromMonday() {
        assertThat(shipped.declineBy(pacific("2026-11-14T11:00"))).isEqualTo(Instant.parse("2026-11-21T08:00:00Z"));
        assertThat(shipped.declineBy(pacific("2026-11-15T23:59"))).isEqualTo(Instant.parse("2026-11-21T08:00:00Z"));
    }

    @Test
    void plainDurationOverrideReplacesTheCalendar() {
        DeclineDeadline demo = deadline(List.of("cpor.decline-window=PT1M"));

        assertThat(demo.declineBy(Instant.parse("2026-11-20T18:30:00Z")))
                .isEqualTo(Instant.parse("2026-11-20T18:31:00Z"));
    }

    private static Instant pacific(String local) {
        return LocalDateTime.parse(local).atZone(PACIFIC).toInstant();
    }

    /** The service's deadline rule bound from its application.yml, with overrides as the environment would give. */
    private static DeclineDeadline deadline(List<String> overrides) {
        try {
            List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application.yml",
                    new ClassPathResource("application.yml"));
            MutablePropertySources sources = new MutablePropertySources();
            sources.addFirst(new MapPropertySource("overrides", overrides.stream().map(pair -> pair.split("=", 2))
                    .collect(Collectors.toMap(pair -> pair[0], pair -> (Object) pair[1]))));
            yaml.forEach(sources::addLast);
            sources.addLast(new ResourcePropertySource(
                    "classpath:io/cpor/support/calendar/calendar-defaults.properties"));
            Binder binder = new Binder(ConfigurationPropertySources.from(sources),
                    new PropertySourcesPlaceholdersResolver(sources));
            CalendarProperties calendar = binder.bind("cpor.calendar", CalendarProperties.class).get();
            NotificationProperties properties = binder.bind("cpor.notification", NotificationProperties.class).get();
            return new NotificationServiceConfiguration().declineDeadline(properties, calendar.calendar());
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
