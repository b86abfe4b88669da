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
    void builderCopiesEveryField() {
        // Every value differs from its default and from every other field of its type, so a swap shows.
        DetectorConfig c = new DetectorConfig(7_200_000, 1_200_000, 900_000, 4, 5, 6, 86_400_000, 0.11, 3.1, 0.51,
                0.012, 0.21, 20.5, 0.031, 4.2, 3.3, 6.5, 2.6, 8.1, 2.7, 7, 1.6, 0.55, 8, 3_600_001, 12.5, 0.4,
                0.35, 15.5, 0.45, 0.3, 0.75, 0.65, 0.6, 9, 0.85, 3.5, 0.8);

        assertThat(c.toBuilder().build()).isEqualTo(c);
        assertThat(c).isNotEqualTo(defaults);
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
    void builderChangesOnlyWhatIsSet() {
        DetectorConfig c = defaults.toBuilder().spikeScore(6).cusumHorizon(6).build();

        assertThat(c.spikeScore()).isEqualTo(6);
        assertThat(c.cusumHorizon()).isEqualTo(6);
        assertThat(c.toBuilder().spikeScore(defaults.spikeScore()).cusumHorizon(defaults.cusumHorizon()).build())
                .isEqualTo(defaults);
        assertThat(defaults.withGuards(5, 4)).extracting(DetectorConfig::minStories, DetectorConfig::minSources)
                .containsExactly(5, 4);
    }

    @Test
    void refusesWindowsThatDoNotTileAndNonsenseThresholds() {
        assertThatThrownBy(() -> defaults.toBuilder().advanceMs(7 * 60_000L).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.toBuilder().robustSigmas(0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.toBuilder().cusumHorizon(0).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theShockThresholdIsLowestForWindowsExpectingAboutOneStoryAndWholeForRareAndBusyOnes() {
        double full = defaults.spikeScore();
        double relief = full * (1 - defaults.midRangeShare());
        assertThat(defaults.spikeScoreAt(defaults.midRangeMean())).isCloseTo(full - relief, within(1e-12));
        // Half the fading distance away, on either side, half the relief.
        double half = Math.pow(10, defaults.midRangeDecades() / 2);
        assertThat(defaults.spikeScoreAt(defaults.midRangeMean() * half)).isCloseTo(full - relief / 2, within(1e-9));
        assertThat(defaults.spikeScoreAt(defaults.midRangeMean() / half)).isCloseTo(full - relief / 2, within(1e-9));
        assertThat(defaults.spikeScoreAt(0.02)).isEqualTo(full);
        assertThat(defaults.spikeScoreAt(50)).isEqualTo(full);
        assertThat(defaults.spikeScoreAt(0)).isEqualTo(full);
        assertThat(defaults.toBuilder().midRange(1, 1, 1).build().spikeScoreAt(1)).isEqualTo(full);
        // A configured spike score moves the whole curve.
        assertThat(defaults.withSpikeScore(8).spikeScoreAt(defaults.midRangeMean()))
                .isCloseTo(8 * defaults.midRangeShare(), within(1e-12));
        assertThatThrownBy(() -> defaults.toBuilder().midRange(0, 1, 1).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
