package io.cpor.local.mail;

import static io.cpor.local.http.Html.escape;

import io.cpor.local.http.HttpApp;
import io.cpor.local.http.HttpStatusException;
import io.cpor.local.http.Request;
import io.cpor.local.http.Response;
import io.cpor.local.http.Routes;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The inbox page: every mail the local SMTP server received, newest first, and each one with its HTML shown in a
 * sandboxed frame (no scripts, links open in a new tab) so a person can follow a customer's email to the decline
 * page. Also serves the platform's health at {@code /health}.
 */
public final class InboxPage {

    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data: http: https:; "
            + "frame-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z")
            .withZone(ZoneId.systemDefault());
    private static final String STYLE = "<style>body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:72rem}"
            + "table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.4rem;border-bottom:1px solid "
            + "#ddd}iframe{width:100%;height:60vh;border:1px solid #ccc}pre{white-space:pre-wrap;background:#f6f6f6;"
            + "padding:1rem}dt{font-weight:600}</style>";

    private final MailServer mail;
    private final Supplier<String> healthJson;

    private InboxPage(MailServer mail, Supplier<String> healthJson) {
        this.mail = mail;
        this.healthJson = healthJson;
    }

    /** Serves the inbox of {@code mail}, and {@code healthJson} at {@code /health}. */
    public static HttpApp start(String host, int port, MailServer mail, Supplier<String> healthJson)
            throws IOException {
        InboxPage page = new InboxPage(mail, healthJson);
        Routes routes = new Routes()
                .on("GET", "/", request -> page.list())
                .on("GET", "/mail/{mailbox}/{uid}", page::show)
                .on("GET", "/mail/{mailbox}/{uid}/raw", page::raw)
                .on("GET", "/health", request -> health(healthJson.get()))
                .on("PUT", "/control/smtp/{state}", page::smtp);
        return HttpApp.start("inbox", host, port, routes, InboxPage::error, 64 * 1024);
    }

    /** 200 when every part is UP, 503 otherwise, like a Spring Boot health endpoint. */
    private static Response health(String json) {
        return Response.of(json.startsWith("{\"status\":\"UP\"") ? 200 : 503, "application/json", json);
    }

    /**
     * Takes SMTP down or up for a fault drill ({@code ./cpor smtp down|up}). PUT, so a web page elsewhere cannot
     * trigger it without a CORS preflight, which this server never grants.
     */
    private Response smtp(Request request) {
        String state = request.pathParam("state");
        if ("down".equals(state)) {
            mail.stopSmtp();
        }
        else if ("up".equals(state)) {
            mail.startSmtp();
        }
        else {
            throw new HttpStatusException(400, "The SMTP state is up or down, not " + state);
        }
        return Response.of(200, "application/json", "{\"smtp\":\"" + (mail.smtpRunning() ? "UP" : "DOWN") + "\"}");
    }

    private Response list() throws MessagingException {
        StringBuilder rows = new StringBuilder();
        for (ReceivedMail received : mail.inbox()) {
            MimeMessage message = received.message();
            rows.append("<tr><td>").append(escape(TIME.format(received.receivedAt())))
                    .append("</td><td>").append(escape(received.mailbox()))
                    .append("</td><td>").append(escape(addresses(message.getFrom())))
                    .append("</td><td><a href=\"").append(escape(link(received))).append("\">")
                    .append(escape(subject(message))).append("</a></td></tr>");
        }
        String body = rows.isEmpty() ? "<p>No mail yet.</p>"
                : "<table><thead><tr><th>Received</th><th>To</th><th>From</th><th>Subject</th></tr></thead><tbody>"
                        + rows + "</tbody></table>";
        return page("Inbox", "<h1>Inbox</h1><p>Mail sent through the local SMTP server (port " + mail.smtpPort()
                + "), newest first. IMAP on port " + mail.imapPort() + ": login and password are the address.</p>"
                + body);
    }

    private Response show(Request request) throws MessagingException {
        ReceivedMail received = find(request);
        MimeMessage message = received.message();
        MailParts parts = MailParts.of(message);
        StringBuilder html = new StringBuilder("<p><a href=\"/\">&larr; Inbox</a></p><h1>")
                .append(escape(subject(message))).append("</h1><dl>")
                .append("<dt>From</dt><dd>").append(escape(addresses(message.getFrom()))).append("</dd>")
                .append("<dt>To</dt><dd>").append(escape(addresses(message.getAllRecipients()))).append("</dd>")
                .append("<dt>Received</dt><dd>").append(escape(TIME.format(received.receivedAt()))).append("</dd>")
                .append("<dt>Message-ID</dt><dd>").append(escape(message.getMessageID())).append("</dd></dl>");
        if (parts.html() != null) {
            String framed = "<base target=\"_blank\">" + parts.html();
            html.append("<h2>HTML</h2><iframe title=\"mail\" sandbox=\"allow-popups allow-popups-to-escape-sandbox\" "
                    + "srcdoc=\"").append(escape(framed)).append("\"></iframe>");
        }
        if (parts.text() != null) {
            html.append("<h2>Plain text</h2><pre>").append(escape(parts.text())).append("</pre>");
        }
        html.append("<p><a href=\"").append(escape(link(received))).append("/raw\">Source</a></p>");
        return page(subject(message), html.toString());
    }

    private Response raw(Request request) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        find(request).message().writeTo(out);
        return new Response(200, "text/plain; charset=utf-8", out.toByteArray(), java.util.Map.of());
    }

    private ReceivedMail find(Request request) {
        long uid;
        try {
            uid = Long.parseLong(request.pathParam("uid"));
        }
        catch (NumberFormatException e) {
            throw new HttpStatusException(404, "No such mail");
        }
        return mail.inbox().stream()
                .filter(m -> m.mailbox().equals(request.pathParam("mailbox")) && m.uid() == uid)
                .findFirst()
                .orElseThrow(() -> new HttpStatusException(404, "No such mail"));
    }

    private static String link(ReceivedMail received) {
        return "/mail/" + URLEncoder.encode(received.mailbox(), StandardCharsets.UTF_8) + "/" + received.uid();
    }

    private static String subject(MimeMessage message) throws MessagingException {
        String subject = message.getSubject();
        return subject == null || subject.isBlank() ? "(no subject)" : subject;
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString)
                .collect(Collectors.joining(", "));
    }

    private static Response page(String title, String body) {
        return Response.html(200, "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                + escape(title) + " - CPOR local mail</title>" + STYLE + "</head><body>" + body + "</body></html>")
                .withHeader("Content-Security-Policy", CSP)
                .withHeader("X-Frame-Options", "DENY")
                .withHeader("Referrer-Policy", "no-referrer");
    }

    private static Response error(HttpStatusException failure) {
        return page("Error", "<h1>" + failure.status() + "</h1><p>" + escape(failure.getMessage()) + "</p>")
                .withStatus(failure.status());
    }
}
