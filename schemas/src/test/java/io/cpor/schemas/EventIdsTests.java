package io.cpor.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTests {

    private static final UUID CAUSE = UUID.fromString("6b1d3f0e-8c1a-4a53-9d6e-2f1b7c3a9e10");

    @Test
    void derivesTheSameIdForTheSameCauseAndStep() {
        assertThat(EventIds.derive(CAUSE, "approved")).isEqualTo(EventIds.derive(CAUSE, "approved"));
    }

    @Test
    void derivesDifferentIdsForDifferentStepsOrCauses() {
        assertThat(EventIds.derive(CAUSE, "approved")).isNotEqualTo(EventIds.derive(CAUSE, "rejected"));
        assertThat(EventIds.derive(CAUSE, "approved")).isNotEqualTo(EventIds.derive(UUID.randomUUID(), "approved"));
    }

    @Test
    void derivesNameBasedUuids() {
        assertThat(EventIds.derive(CAUSE, "approved").version()).isEqualTo(3);
    }

    @Test
    void refusesAnUnnamedStep() {
        assertThatThrownBy(() -> EventIds.derive(CAUSE, " ")).isInstanceOf(IllegalArgumentException.class);
    }
}
