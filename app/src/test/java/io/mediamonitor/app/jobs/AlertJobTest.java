package io.mediamonitor.app.jobs;

import io.mediamonitor.alerts.detect.DetectorConfig;
import io.mediamonitor.alerts.stream.AlertSettings;
import io.mediamonitor.app.config.MonitorConfig;
import io.mediamonitor.enrich.EnrichSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlertJobTest {

    @Test
    void detectorThresholdsComeFromConfigurationAndWindowsFromEnrich() {
        MonitorConfig config = MonitorConfig.load(null, Map.of(), Map.of("alerts.spike.score", "6.5",
                "alerts.rise.threshold", "8", "enrich.window.advance.ms", "300000"));

        DetectorConfig detector = AlertJob.settings(config).detector();

        assertThat(detector.spikeScore()).isEqualTo(6.5);
        assertThat(detector.cusumThreshold()).isEqualTo(8);
        assertThat(detector.advanceMs()).isEqualTo(300_000);
    }

    @Test
    void learnedWindowsAreKeptAsLongAsEnrichsWatermarkLetsLateArticlesIn() {
        MonitorConfig config = MonitorConfig.load(null, Map.of(), Map.of("enrich.window.lateness.ms", "7200000",
                "enrich.story.horizon.ms", "36000000"));

        AlertSettings alerts = AlertJob.settings(config);
        EnrichSettings enrich = EnrichJob.settings(config);

        assertThat(alerts.lateness()).isEqualTo(Duration.ofHours(2));
        assertThat(alerts.watermarkLag()).isEqualTo(enrich.maxWatermarkLag()).isEqualTo(Duration.ofHours(9));
        AlertSettings defaults = AlertJob.settings(MonitorConfig.load(null, Map.of(), Map.of()));
        assertThat(defaults.watermarkLag()).isEqualTo(AlertSettings.defaults().watermarkLag())
                .isEqualTo(EnrichSettings.defaults().maxWatermarkLag());
    }

    @Test
    void aThresholdThatIsNotANumberIsRefusedByName() {
        for (String bad : new String[]{"abc", "NaN"}) {
            MonitorConfig config = MonitorConfig.load(null, Map.of(), Map.of("alerts.rise.threshold", bad));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> AlertJob.settings(config))
                    .isInstanceOf(io.mediamonitor.app.config.ConfigException.class)
                    .hasMessageContaining("alerts.rise.threshold");
        }
    }

    @Test
    void withoutConfigurationTheShippedDefaults() {
        DetectorConfig detector = AlertJob.settings(MonitorConfig.load(null, Map.of(), Map.of())).detector();

        assertThat(detector.spikeScore()).isEqualTo(DetectorConfig.defaults().spikeScore());
        assertThat(detector.cusumThreshold()).isEqualTo(DetectorConfig.defaults().cusumThreshold());
    }
}
