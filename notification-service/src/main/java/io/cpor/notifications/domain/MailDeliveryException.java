package io.cpor.notifications.domain;

/** The SMTP server did not take the mail; {@code permanent} when it never will (an invalid address). */
public class MailDeliveryException extends Exception {

    private final boolean permanent;

    public MailDeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
