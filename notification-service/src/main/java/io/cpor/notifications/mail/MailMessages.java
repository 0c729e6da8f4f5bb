package io.cpor.notifications.mail;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.AbstractMessageResolver;

/** The words of the mails, from the {@code mail/messages} bundle (UTF-8), English when no translation exists. */
final class MailMessages extends AbstractMessageResolver {

    private static final String BUNDLE = "mail.messages";

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] arguments) {
        return format(key, context.getLocale(), arguments);
    }

    @Override
    public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
            Object[] arguments) {
        return "??" + key + "??";
    }

    /** The subject of a template's mail, its arguments named in the message ({partnerName} and so on). */
    static String subject(String template, Locale locale, Map<String, Object> variables) {
        String pattern = format(template + ".subject", locale, new Object[0]);
        for (Map.Entry<String, Object> variable : variables.entrySet()) {
            pattern = pattern.replace("{" + variable.getKey() + "}", String.valueOf(variable.getValue()));
        }
        return pattern;
    }

    private static String format(String key, Locale locale, Object[] arguments) {
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
            return arguments == null || arguments.length == 0 ? pattern
                    : new MessageFormat(pattern, locale).format(arguments);
        }
        catch (MissingResourceException e) {
            return locale.equals(Locale.ENGLISH) ? "??" + key + "??" : format(key, Locale.ENGLISH, arguments);
        }
    }
}
