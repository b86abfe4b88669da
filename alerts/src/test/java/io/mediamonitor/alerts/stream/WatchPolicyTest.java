package io.mediamonitor.alerts.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.alerts.detect.DetectorConfig;
import io.mediamonitor.model.WatchlistEntry;
import org.junit.jupiter.api.Test;

class WatchPolicyTest {

    private final DetectorConfig defaults = DetectorConfig.defaults();

    private static WatchlistEntry entry(Integer minStories, Integer minSources, Double minScore) {
        return WatchlistEntry.newBuilder().setTerm("actor:aes").setEnabled(true).setMinStories(minStories)
                .setMinSources(minSources).setMinScore(minScore).build();
    }

    @Test
    void anEntrysThresholdsReplaceTheDefaults() {
        DetectorConfig config = WatchPolicy.detectorFor(entry(4, 2, 6.5), defaults);

        assertThat(config.minStories()).isEqualTo(4);
        assertThat(config.minSources()).isEqualTo(2);
        assertThat(config.spikeScore()).isEqualTo(6.5);
        assertThat(WatchPolicy.invalidThreshold(entry(4, 2, 6.5))).isNull();
    }

    @Test
    void aThresholdNoDetectorTakesLeavesTheDefaultInsteadOfFailingEveryCount() {
        // such a record can only come from another writer than watch and the config, which refuse it; before, the
        // detector's configuration threw on every count of the term and on every tick of the open alerts
        DetectorConfig config = WatchPolicy.detectorFor(entry(0, -1, Double.NaN), defaults);

        assertThat(config.minStories()).isEqualTo(defaults.minStories());
        assertThat(config.minSources()).isEqualTo(defaults.minSources());
        assertThat(config.spikeScore()).isEqualTo(defaults.spikeScore());
        assertThat(WatchPolicy.detectorFor(entry(0, 2, 0.0), defaults).minSources()).isEqualTo(2);
    }

    @Test
    void whatIsWrongWithAThresholdIsNamed() {
        assertThat(WatchPolicy.invalidThreshold(entry(0, null, null)))
                .isEqualTo(new WatchPolicy.InvalidThreshold("stories", "must be at least 1, not 0"));
        assertThat(WatchPolicy.invalidThreshold(entry(null, 0, null)).threshold()).isEqualTo("sources");
        assertThat(WatchPolicy.invalidThreshold(entry(null, null, -1.0)).threshold()).isEqualTo("score");
        assertThat(WatchPolicy.invalidThreshold(entry(null, null, Double.POSITIVE_INFINITY)).threshold())
                .isEqualTo("score");
    }
}
