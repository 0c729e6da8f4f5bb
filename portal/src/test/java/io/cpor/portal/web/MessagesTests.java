package io.cpor.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessagesTests {

    @Test
    void brazilianPortugueseSaysEverythingEnglishSaysAndNothingElse() throws IOException {
        Properties english = load("/i18n/messages.properties");
        Properties portuguese = load("/i18n/messages_pt_BR.properties");

        assertThat(portuguese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(
                english.stringPropertyNames());
        assertThat(portuguese.stringPropertyNames()).allSatisfy(key -> assertThat(portuguese.getProperty(key))
                .as(key).isNotBlank());
    }

    @Test
    void everyStatusDecisionAndReasonThePagesShowHasItsWords() throws IOException {
        Properties english = load("/i18n/messages.properties");

        ClaimPages.STATUSES.forEach(status -> assertThat(english).containsKey("status." + status));
        ReviewPages.STATES.forEach(state -> assertThat(english).containsKey("reviewstate." + state));
        ReviewPages.DECISIONS.forEach(decision -> assertThat(english).containsKey("decision." + decision));
        ReviewPages.ARBITRATION_DECISIONS.forEach(decision -> assertThat(english).containsKey("decision." + decision));
        ReviewPages.INFORMATION_REASONS.forEach(reason -> assertThat(english).containsKey("reason." + reason));
        ClaimPages.SORTS.forEach(sort -> assertThat(english).containsKey("claims.sort." + sort));
        ClaimForm.LABELS.values().forEach(label -> assertThat(english).containsKey(label));
    }

    @Test
    void aMessageWithArgumentsDoublesItsApostrophesOrTheyVanish() throws IOException {
        for (String bundle : java.util.List.of("/i18n/messages.properties", "/i18n/messages_pt_BR.properties")) {
            Properties messages = load(bundle);
            messages.stringPropertyNames().stream().filter(key -> messages.getProperty(key).contains("{0}"))
                    .forEach(key -> assertThat(messages.getProperty(key)).as(bundle + " " + key)
                            .doesNotContainPattern("(?<!')'(?!')"));
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTests.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
