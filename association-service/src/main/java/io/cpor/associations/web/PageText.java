package io.cpor.associations.web;

import java.util.Locale;
import org.springframework.context.MessageSource;

/** The page's words in the customer's language, for templates: {@code ${t.get('decline.title')}}. */
public final class PageText {

    private final MessageSource messages;
    private final Locale locale;

    PageText(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    public String get(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    public String lang() {
        return locale.toLanguageTag();
    }
}
