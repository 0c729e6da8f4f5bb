package io.cpor.notifications.mail;

import io.cpor.notifications.NotificationProperties;
import io.cpor.notifications.domain.MailDeliveryException;
import io.cpor.notifications.domain.MailSender;
import io.cpor.notifications.domain.RenderedMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends through the configured SMTP server, a batch per connection: multipart/alternative (plain text, then HTML), the Message-ID the mail
 * was given (derived from its event, so a resend is recognisably the same mail). Every header value from a claim
 * is stripped of line breaks and encoded, so nothing can be injected into the headers.
 */
@Component
class SmtpMailSender implements MailSender {

    private final JavaMailSenderImpl smtp;
    private final InternetAddress from;

    SmtpMailSender(JavaMailSenderImpl smtp, NotificationProperties properties) throws UnsupportedEncodingException {
        this.smtp = smtp;
        this.from = new InternetAddress(properties.fromAddress(), properties.fromName(), "UTF-8");
    }

    @Override
    public void send(RenderedMail mail) throws MailDeliveryException {
        MailDeliveryException failure = sendAll(List.of(mail)).get(0);
        if (failure != null) {
            throw failure;
        }
    }

    /** Every mail over one connection: SMTP's handshake (and TLS, on a real relay) once per batch, not per mail. */
    @Override
    public List<MailDeliveryException> sendAll(List<RenderedMail> mails) {
        MailDeliveryException[] outcomes = new MailDeliveryException[mails.size()];
        Map<MimeMessage, Integer> positions = new LinkedHashMap<>(); // MimeMessage is equal only to itself
        for (int i = 0; i < mails.size(); i++) {
            try {
                positions.put(message(mails.get(i)), i);
            }
            catch (AddressException e) {
                outcomes[i] = new MailDeliveryException("invalid address: " + e.getMessage(), true, e);
            }
            catch (MessagingException | UnsupportedEncodingException e) {
                outcomes[i] = new MailDeliveryException("cannot build the mail: " + e.getMessage(), true, e);
            }
        }
        if (positions.isEmpty()) {
            return Arrays.asList(outcomes);
        }
        try {
            smtp.send(positions.keySet().toArray(MimeMessage[]::new));
        }
        catch (MailSendException e) {
            // The mails it names failed; the others were accepted (even when closing the connection failed after).
            e.getFailedMessages().forEach((message, cause) -> {
                Integer position = positions.get(message);
                if (position != null) {
                    outcomes[position] = failure(cause);
                }
            });
        }
        catch (MailException e) {
            // No connection (or no login): nothing was sent.
            positions.values().forEach(position -> outcomes[position] = new MailDeliveryException(
                    "SMTP unavailable: " + e.getMessage(), false, e));
        }
        return Arrays.asList(outcomes);
    }

    private static MailDeliveryException failure(Exception cause) {
        boolean rejectedAddress = cause instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                && failed.getInvalidAddresses().length > 0;
        return new MailDeliveryException((rejectedAddress ? "SMTP refused the address: " : "SMTP did not take it: ")
                + cause.getMessage(), rejectedAddress, cause);
    }

    private MimeMessage message(RenderedMail mail) throws MessagingException, UnsupportedEncodingException {
        String messageId = mail.messageId();
        MimeMessage message = new MimeMessage(smtp.getSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        InternetAddress to = new InternetAddress(mail.to().address(), true);
        if (mail.to().name() != null && !mail.to().name().isBlank()) {
            to.setPersonal(headerSafe(mail.to().name()), "UTF-8");
        }
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, to);
        message.setSubject(headerSafe(mail.subject()), "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), "UTF-8", "html");
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(html);
        message.setContent(alternatives);
        return message;
    }

    /** A header value with every control character (CR and LF above all) turned into a space. */
    static String headerSafe(String value) {
        StringBuilder safe = new StringBuilder(value.length());
        value.codePoints().forEach(c -> safe.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return safe.toString().strip();
    }
}
