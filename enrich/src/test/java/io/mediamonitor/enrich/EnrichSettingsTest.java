package io.mediamonitor.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EnrichSettingsTest {

    @Test
    void theDefaultsHoldTogether() {
        EnrichSettings defaults = EnrichSettings.defaults();
        assertThat(defaults.idHorizon()).isGreaterThanOrEqualTo(defaults.windowSize().plus(defaults.lateness()));
    }

    @Test
    void aRepeatHorizonShorterThanAWindowAndItsLatenessIsRefusedWithBothFigures() {
        EnrichSettings defaults = EnrichSettings.defaults();
        assertThatThrownBy(() -> defaults.withIdHorizon(Duration.ofHours(48)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("repeat horizon")
                .hasMessageContaining("PT49H")
                .hasMessageContaining("got PT48H");
        // exactly a window and its lateness is enough
        assertThat(defaults.withIdHorizon(Duration.ofHours(49)).idHorizon()).isEqualTo(Duration.ofHours(49));
    }
}
