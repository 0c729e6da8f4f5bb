package io.cpor.support.i18n;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The languages customers are addressed in: Brazilian Portuguese for {@code pt-BR}, English for anything else (the
 * contract's default). One place for the mails and the decline page to agree on.
 */
public final class CustomerLanguage {

    public static final Locale BRAZILIAN_PORTUGUESE = Locale.forLanguageTag("pt-BR");

    private CustomerLanguage() {
    }

    public static Locale of(String tag) {
        return "pt-BR".equalsIgnoreCase(tag) ? BRAZILIAN_PORTUGUESE : Locale.ENGLISH;
    }

    /** A date and time as the reader says it, in a zone, named: "Wednesday, December 2, 2026, 12:00 AM (Pacific...)". */
    public static String dateTime(Instant instant, Locale locale, ZoneId zone) {
        return new DateTimeFormatterBuilder().appendLocalized(FormatStyle.FULL, FormatStyle.SHORT).appendLiteral(" (")
                .appendZoneText(TextStyle.FULL).appendLiteral(')').toFormatter(locale).withZone(zone).format(instant);
    }
}
