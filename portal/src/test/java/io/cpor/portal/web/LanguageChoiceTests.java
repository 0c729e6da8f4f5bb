package io.cpor.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class LanguageChoiceTests {

    private final LanguageChoice choice = new LanguageChoice();

    @Test
    void aBrowserAskingForPortugueseGetsBrazilianPortuguese() {
        assertThat(locale(MockServerHttpRequest.get("/claims").header("Accept-Language", "pt-PT,pt;q=0.9")))
                .isEqualTo(Locale.forLanguageTag("pt-BR"));
        assertThat(locale(MockServerHttpRequest.get("/claims").header("Accept-Language", "pt-BR")))
                .isEqualTo(Locale.forLanguageTag("pt-BR"));
    }

    @Test
    void theLanguageChosenOnAPageIsKeptInACookieAndWinsOverTheBrowser() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/claims?lang=pt-BR")
                .header("Accept-Language", "en"));

        assertThat(choice.resolveLocaleContext(exchange).getLocale()).isEqualTo(Locale.forLanguageTag("pt-BR"));
        assertThat(exchange.getResponse().getCookies().getFirst(LanguageChoice.COOKIE).getValue()).isEqualTo("pt-BR");
        assertThat(locale(MockServerHttpRequest.get("/claims").header("Accept-Language", "en")
                .cookie(new HttpCookie(LanguageChoice.COOKIE, "pt-BR")))).isEqualTo(Locale.forLanguageTag("pt-BR"));
    }

    @Test
    void anythingElseIsEnglishEvenAMalformedHeaderOrAnUnknownChoice() {
        assertThat(locale(MockServerHttpRequest.get("/claims").header("Accept-Language", ";;q=x,")))
                .isEqualTo(Locale.ENGLISH);
        assertThat(locale(MockServerHttpRequest.get("/claims?lang=xx").header("Accept-Language", "de")))
                .isEqualTo(Locale.ENGLISH);
        assertThat(locale(MockServerHttpRequest.get("/claims").cookie(new HttpCookie(LanguageChoice.COOKIE, "<x>"))))
                .isEqualTo(Locale.ENGLISH);
    }

    private Locale locale(MockServerHttpRequest.BaseBuilder<?> request) {
        return choice.resolveLocaleContext(MockServerWebExchange.from(request)).getLocale();
    }
}
