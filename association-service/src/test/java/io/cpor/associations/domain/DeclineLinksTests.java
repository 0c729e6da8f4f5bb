package io.cpor.associations.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Decline links: unguessable, only their hash kept, and anything else is no token of ours. */
class DeclineLinksTests {

    private final DeclineLinks links = new DeclineLinks("https://cpor.example/");

    @Test
    void eachLinkCarries256RandomBitsAndOnlyItsHashIsKept() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            DeclineLinks.Link link = links.newLink();
            assertThat(link.url()).isEqualTo("https://cpor.example/decline/" + link.token());
            assertThat(link.token()).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(link.tokenHash()).hasSize(64).isEqualTo(DeclineLinks.hash(link.token()))
                    .doesNotContain(link.token());
            tokens.add(link.token());
        }
        assertThat(tokens).hasSize(1000);
    }

    @Test
    void onlyWellFormedTokensAreLookedUp() {
        assertThat(DeclineLinks.wellFormed(links.newLink().token())).isTrue();
        assertThat(DeclineLinks.wellFormed(null)).isFalse();
        assertThat(DeclineLinks.wellFormed("short")).isFalse();
        assertThat(DeclineLinks.wellFormed("<".repeat(43))).isFalse();
        assertThat(DeclineLinks.wellFormed("é".repeat(43))).isFalse();
    }
}
