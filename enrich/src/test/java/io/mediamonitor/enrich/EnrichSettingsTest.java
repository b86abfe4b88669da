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
    void windowsStayOpenBehindTheNewestTimeNoFurtherThanTheStoresAndTheRepeatFilterReach() {
        EnrichSettings defaults = EnrichSettings.defaults();
        // the story horizon less a window: the counting keeps stories that long beyond the lateness
        assertThat(defaults.maxWatermarkLag()).isEqualTo(Duration.ofHours(47));
        // ids remembered 3 days: a window and its lateness leave 23 hours
        assertThat(defaults.withIdHorizon(Duration.ofHours(72)).maxWatermarkLag()).isEqualTo(Duration.ofHours(23));
        assertThat(defaults.withIdHorizon(Duration.ofHours(49)).maxWatermarkLag()).isZero();
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
