package io.cpor.notifications.mail;

import io.cpor.notifications.domain.MailRenderer;
import io.cpor.notifications.domain.OutgoingMail;
import io.cpor.notifications.domain.RenderedMail;
import io.cpor.support.calendar.BusinessCalendar;
import io.cpor.support.i18n.CustomerLanguage;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders {@code mail/<template>.html} and {@code mail/<template>.txt} with the words of {@code mail/messages} in the
 * mail's language (English, or Brazilian Portuguese for {@code pt-BR}). Thymeleaf escapes every value from a claim in the
 * HTML ({@code th:text}); the subject is a message with the values as arguments. Dates are written out in the
 * reader's language and the calendar's zone, with the zone's name.
 */
@Component
class TemplateMailRenderer implements MailRenderer {

    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");
    private final BusinessCalendar calendar;

    TemplateMailRenderer(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public RenderedMail render(OutgoingMail mail, Instant declineBy) {
        Locale locale = CustomerLanguage.of(mail.locale());
        Map<String, Object> variables = new HashMap<>(mail.model());
        if (declineBy != null) {
            variables.put("declineBy", dateTime(declineBy, locale));
        }
        if (variables.get("answerBy") instanceof String answerBy) {
            variables.put("answerBy", dateTime(Instant.parse(answerBy), locale));
        }
        String subject = MailMessages.subject(mail.kind().messages(), locale, variables);
        variables.put("messages", mail.kind().messages());
        Context context = new Context(locale, variables);
        String template = "mail/" + mail.kind().template();
        return new RenderedMail(mail.messageId(), mail.to(), subject, text.process(template, context),
                html.process(template, context));
    }

    private String dateTime(Instant instant, Locale locale) {
        return CustomerLanguage.dateTime(instant, locale, calendar.zone());
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setTemplateMode(mode);
        resolver.setSuffix(suffix);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setMessageResolver(new MailMessages());
        return engine;
    }
}
