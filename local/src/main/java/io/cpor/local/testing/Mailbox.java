package io.cpor.local.testing;

import io.cpor.local.Endpoints;
import io.cpor.local.mail.MailParts;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/**
 * The mailbox of one address on the platform's mail server, read over IMAP as a mail client would (the address is
 * both login and password, as the local server creates mailboxes).
 */
public final class Mailbox {

    private final Endpoints platform;
    private final String address;

    private Mailbox(Endpoints platform, String address) {
        this.platform = platform;
        this.address = address;
    }

    public static Mailbox of(Endpoints platform, String address) {
        return new Mailbox(platform, address);
    }

    /** The mails in the inbox, oldest first; none if the address never received one. */
    public List<Mail> mails() {
        Properties imap = new Properties();
        imap.put("mail.imap.host", platform.mailHost());
        imap.put("mail.imap.port", Integer.toString(platform.imapPort()));
        imap.put("mail.imap.connectiontimeout", "5000");
        imap.put("mail.imap.timeout", "10000");
        try {
            Store store = Session.getInstance(imap).getStore("imap");
            try {
                store.connect(address, address);
            }
            catch (AuthenticationFailedException noMailboxYet) {
                return List.of();
            }
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                try {
                    List<Mail> mails = new ArrayList<>();
                    for (Message message : inbox.getMessages()) {
                        mails.add(Mail.of((MimeMessage) message));
                    }
                    return Collections.unmodifiableList(mails);
                }
                finally {
                    inbox.close(false);
                }
            }
            finally {
                store.close();
            }
        }
        catch (MessagingException e) {
            throw new IllegalStateException("cannot read the mailbox of " + address + " over IMAP", e);
        }
    }

    /**
     * A received mail as its reader sees it.
     *
     * @param to the To header as written (display name and address, decoded)
     * @param headers every header line, raw, for checks on what a header holds
     */
    public record Mail(String messageId, String from, String to, String subject, String text, String html,
            String contentType, List<String> headers) {

        static Mail of(MimeMessage message) throws MessagingException {
            MailParts parts = MailParts.of(message);
            List<String> headers = Collections.list(message.getAllHeaderLines());
            return new Mail(message.getMessageID(), decoded(message.getFrom()), decoded(message.getAllRecipients()),
                    message.getSubject(), parts.text(), parts.html(), message.getContentType(), headers);
        }

        /** The values of one header, decoded. */
        public List<String> header(String name) {
            return headers.stream().filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(line -> decode(line.substring(name.length() + 1).strip())).toList();
        }

        private static String decoded(Address[] addresses) {
            if (addresses == null) {
                return null;
            }
            return String.join(", ", Arrays.stream(addresses).map(address -> address instanceof InternetAddress
                    internet ? internet.toUnicodeString() : address.toString()).toList());
        }

        private static String decode(String value) {
            try {
                return MimeUtility.decodeText(MimeUtility.unfold(value));
            }
            catch (UnsupportedEncodingException e) {
                return value;
            }
        }
    }
}
