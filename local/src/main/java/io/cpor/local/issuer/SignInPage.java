package io.cpor.local.issuer;

import io.cpor.local.http.Html;
import java.util.stream.Collectors;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The issuer's sign-in form, in the look of Partner Center's (Fluent 2 tokens), labelled for screen readers and
 * usable at a phone's width, listing the demo people since they exist only here. It posts to Spring Security's
 * {@code /login} with its CSRF token; the page runs no script.
 */
@RestController
class SignInPage {

    /**
     * No script; the page's one style sheet is in the page. No form-action: the form's answer redirects on to the
     * client that asked for the sign-in, wherever it is.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(CsrfToken csrf, @RequestParam(required = false) String error,
            @RequestParam(required = false) String logout) {
        String notice = error != null
                ? "<p class=\"notice error\" role=\"alert\">That email and password do not match a person here.</p>"
                : logout != null ? "<p class=\"notice\" role=\"status\">You are signed out.</p>" : "";
        String people = DemoClients.USERS.stream()
                .map(user -> "<li><code>" + Html.escape(user.username()) + "</code> " + Html.escape(user.name())
                        + "</li>")
                .collect(Collectors.joining());
        String html = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>Sign in – Partner Center</title>
                <style>
                body { margin: 0; font-family: "Segoe UI", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue",
                  sans-serif; font-size: 14px; line-height: 20px; color: #242424; background: #f5f5f5; }
                header { background: #1b1a19; color: #fff; padding: 14px 16px; font-weight: 600; font-size: 16px; }
                main { max-width: 26rem; margin: 32px auto; padding: 24px; background: #fff; border-radius: 8px;
                  box-shadow: 0 0 2px rgba(0,0,0,.12), 0 2px 4px rgba(0,0,0,.14); }
                h1 { font-size: 24px; line-height: 32px; font-weight: 600; margin: 0 0 16px; }
                label { display: block; font-weight: 600; margin: 12px 0 4px; }
                input { font: inherit; width: 100%; box-sizing: border-box; min-height: 32px; padding: 5px 10px;
                  border: 1px solid #d1d1d1; border-bottom-color: #616161; border-radius: 4px; }
                button { font: inherit; font-weight: 600; margin-top: 20px; width: 100%; min-height: 36px;
                  border: 0; border-radius: 4px; background: #0f6cbd; color: #fff; cursor: pointer; }
                button:hover { background: #115ea3; }
                :focus-visible { outline: 2px solid #000; outline-offset: 2px; }
                .notice { padding: 8px 12px; border-radius: 4px; background: #f1faf1; color: #0e700e;
                  border: 1px solid #9fd89f; }
                .notice.error { background: #fdf3f4; color: #b10e1c; border-color: #eeacb2; }
                .demo { margin-top: 24px; color: #424242; }
                .demo h2 { font-size: 16px; margin: 0; }
                .demo ul { padding-left: 18px; margin: 4px 0; }
                code { font-family: Consolas, "Courier New", monospace; font-size: 13px; }
                </style>
                </head>
                <body>
                <header>Partner Center</header>
                <main>
                <h1>Sign in</h1>
                {{notice}}
                <form method="post" action="/login">
                <label for="username">Email</label>
                <input id="username" name="username" type="email" autocomplete="username" required autofocus>
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <input type="hidden" name="{{csrfName}}" value="{{csrfToken}}">
                <button type="submit">Sign in</button>
                </form>
                <section class="demo" aria-labelledby="demo">
                <h2 id="demo">Demo people of this local issuer</h2>
                <p>Password <code>demo-password</code> for each:</p>
                <ul>{{people}}</ul>
                </section>
                </main>
                </body>
                </html>
                """.replace("{{notice}}", notice).replace("{{csrfName}}", Html.escape(csrf.getParameterName()))
                .replace("{{csrfToken}}", Html.escape(csrf.getToken())).replace("{{people}}", people);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8)).body(html);
    }
}
