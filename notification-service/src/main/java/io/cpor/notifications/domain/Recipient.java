package io.cpor.notifications.domain;

import java.util.regex.Pattern;

/** Who a mail goes to. */
public record Recipient(String address, String name) {

    private static final Pattern ADDRESS = Pattern.compile("([\\w.%+-])[\\w.%+-]*(@[\\w.-]+)");

    /** A text (an SMTP server's answer, say) with every mail address in it masked, for logs. */
    public static String maskAddressesIn(String text) {
        return text == null ? null : ADDRESS.matcher(text).replaceAll("$1***$2");
    }

    /** The address with its local part hidden, for logs: {@code a***@contoso.com}. */
    public String masked() {
        int at = address.indexOf('@');
        return at <= 0 ? "***" : address.charAt(0) + "***" + address.substring(at);
    }
}
