package io.mediamonitor.alerts.detect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DetectorConfigTest {

    private final DetectorConfig defaults = DetectorConfig.defaults();

    @Test
    void oneOutletCountsForAtMostTwoOfTheStoriesItFirstPublished() {
        // A live blog: 20 stories from one outlet, 1 from another, 9 sources (a wire copy lifted them).
        assertThat(defaults.scoredCount(21, 9, 20)).isEqualTo(3);
        // Without origin data only the sources bound the count, as before.
        assertThat(defaults.scoredCount(21, 9, 0)).isEqualTo(18);
        assertThat(defaults.scoredCount(21, 9)).isEqualTo(18);
        // Ordinary coverage is untouched: no outlet first published more than two stories.
        assertThat(defaults.scoredCount(7, 6, 2)).isEqualTo(7);
        assertThat(defaults.scoredCount(0, 0, 0)).isZero();
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
}
