package io.mediamonitor.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EnrichSettingsTest {

    @Test
    void theDefaultsHoldTogether() {
        EnrichSettings defaults = EnrichSettings.defaults();
        assertThat(defaults.idHorizon())
                .isGreaterThanOrEqualTo(defaults.storyHorizon().plus(defaults.windowSize()).plus(defaults.lateness()));
    }

    @Test
    void windowsStayOpenBehindTheNewestTimeNoFurtherThanTheStoresAndTheRepeatFilterReach() {
        EnrichSettings defaults = EnrichSettings.defaults();
        // the story horizon less a window: the counting keeps stories that long beyond the lateness
        assertThat(defaults.maxWatermarkLag()).isEqualTo(Duration.ofHours(47));
        // ids remembered 5 days: the story horizon, a window and the lateness (97 h) leave 23 hours
        assertThat(defaults.withIdHorizon(Duration.ofHours(120)).maxWatermarkLag()).isEqualTo(Duration.ofHours(23));
        assertThat(defaults.withIdHorizon(Duration.ofHours(97)).maxWatermarkLag()).isZero();
    }

    @Test
    void aRepeatHorizonShorterThanTheLastCountedCopyOfAStoryIsRefusedWithBothFigures() {
        EnrichSettings defaults = EnrichSettings.defaults();
        // a window and its lateness (49 h) was once enough for repeats; a re-sent article needs its story's copies done
        assertThatThrownBy(() -> defaults.withIdHorizon(Duration.ofHours(49)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("repeat horizon")
                .hasMessageContaining("PT97H")
                .hasMessageContaining("got PT49H");
        assertThatThrownBy(() -> defaults.withIdHorizon(Duration.ofHours(96)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got PT96H");
        // exactly the story horizon, a window and the lateness is enough
        assertThat(defaults.withIdHorizon(Duration.ofHours(97)).idHorizon()).isEqualTo(Duration.ofHours(97));
    }
}
