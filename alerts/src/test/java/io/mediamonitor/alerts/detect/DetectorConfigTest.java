package io.mediamonitor.alerts.detect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DetectorConfigTest {

    private final DetectorConfig defaults = DetectorConfig.defaults();

    @Test
    void theSourceWithTheMostStoriesOfItsOwnCountsForAtMostTwo() {
        // A live blog: 20 stories nobody else carried, and 1 wire story carried by 8 more sources.
        assertThat(defaults.scoredCount(21, 9, 20)).isEqualTo(3);
        // Without origin data only the sources bound the count, as before.
        assertThat(defaults.scoredCount(21, 9, 0)).isEqualTo(18);
        assertThat(defaults.scoredCount(21, 9)).isEqualTo(18);
        // Coverage where no source has more than two stories of its own is untouched.
        assertThat(defaults.scoredCount(7, 6, 2)).isEqualTo(7);
        assertThat(defaults.scoredCount(0, 0, 0)).isZero();
    }

    @Test
    void anOpenAlertIsUpdatedWhenItsCountGrowsByHalfItsPeakAndAtLeastThreeStories() {
        assertThat(defaults.updateAt(4)).isEqualTo(7);
        assertThat(defaults.updateAt(10)).isEqualTo(15);
        assertThat(defaults.updateAt(11)).isEqualTo(16); // peak / 2 rounded down, as before it was a setting
    }

    @Test
    void refusesNotANumber() {
        assertThatThrownBy(() -> defaults.withCusumThreshold(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withSpikeScore(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withSpikeScore(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void takesEnrichsWindowsAndKeepsEverythingElse() {
        DetectorConfig c = defaults.withWindows(java.time.Duration.ofHours(2), java.time.Duration.ofMinutes(20),
                java.time.Duration.ofHours(1));

        assertThat(c).extracting(DetectorConfig::windowSizeMs, DetectorConfig::advanceMs, DetectorConfig::graceMs)
                .containsExactly(7_200_000L, 1_200_000L, 3_600_000L);
        assertThat(c.with(b -> b.windowSizeMs(defaults.windowSizeMs()).advanceMs(defaults.advanceMs())
                .graceMs(defaults.graceMs()))).isEqualTo(defaults);
    }

    @Test
    void refusesWindowsThatDoNotTileAndNonsenseThresholds() {
        assertThatThrownBy(() -> defaults.withAdvanceMs(7 * 60_000L))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withRobustSigmas(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withCusumHorizon(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theShockThresholdIsLowestForWindowsExpectingAboutOneStoryWholeForRareOnesAndLowerForBusyOnes() {
        double full = defaults.spikeScore();
        double low = full * defaults.midRangeShare();
        double busy = full * defaults.busyScoreShare();
        assertThat(busy).isBetween(low, full);
        assertThat(defaults.spikeScoreAt(defaults.midRangeMean())).isCloseTo(low, within(1e-12));
        // Half the fading distance away, half way to the threshold of that side.
        double half = Math.pow(10, defaults.midRangeDecades() / 2);
        assertThat(defaults.spikeScoreAt(defaults.midRangeMean() / half)).isCloseTo((low + full) / 2, within(1e-9));
        assertThat(defaults.spikeScoreAt(defaults.midRangeMean() * half)).isCloseTo((low + busy) / 2, within(1e-9));
        assertThat(defaults.spikeScoreAt(0.02)).isEqualTo(full);
        assertThat(defaults.spikeScoreAt(0)).isEqualTo(full);
        assertThat(defaults.spikeScoreAt(50)).isCloseTo(busy, within(1e-12));
        assertThat(defaults.with(b -> b.midRangeShare(1).busyScoreShare(1).midRangeMean(1).midRangeDecades(1))
                .spikeScoreAt(1)).isEqualTo(full);
        assertThatThrownBy(() -> defaults.with(b -> b.busyScoreShare(defaults.midRangeShare() / 2)))
                .isInstanceOf(IllegalArgumentException.class);
        // A configured spike score moves the whole curve.
        assertThat(defaults.withSpikeScore(8).spikeScoreAt(defaults.midRangeMean()))
                .isCloseTo(8 * defaults.midRangeShare(), within(1e-12));
        assertThatThrownBy(() -> defaults.with(b -> b.midRangeShare(0).midRangeMean(1).midRangeDecades(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
