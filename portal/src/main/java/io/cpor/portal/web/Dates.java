package io.cpor.portal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** The APIs' instants and dates as a person reads them in their language (times in UTC, said so). */
@Component("dates")
public class Dates {

    public String format(Object value, Locale locale) {
        if (value == null) {
            return "";
        }
        String text = String.valueOf(value);
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(locale));
            }
            return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                    .withZone(ZoneOffset.UTC).format(Instant.parse(text)) + " UTC";
        }
        catch (DateTimeParseException notAnInstant) {
            return text;
        }
    }

    /** The machine-readable value for a {@code <time datetime>}. */
    public String iso(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
