package io.cpor.local.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;

/** The plain-text and HTML bodies of a mail, found in whatever multipart structure it has. */
public record MailParts(String text, String html) {

    public static MailParts of(Part message) {
        try {
            String[] found = new String[2];
            collect(message, found);
            return new MailParts(found[0], found[1]);
        }
        catch (MessagingException | IOException e) {
            return new MailParts("(unreadable mail: " + e.getMessage() + ")", null);
        }
    }

    private static void collect(Part part, String[] found) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && found[0] == null && !Part.ATTACHMENT.equalsIgnoreCase(
                part.getDisposition())) {
            found[0] = String.valueOf(part.getContent());
        }
        else if (part.isMimeType("text/html") && found[1] == null) {
            found[1] = String.valueOf(part.getContent());
        }
        else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, found);
            }
        }
    }
}
