package io.mediamonitor.app.jobs;

import io.mediamonitor.alerts.detect.DetectorConfig;
import io.mediamonitor.alerts.stream.AlertSettings;
import io.mediamonitor.app.config.ConfigException;
import io.mediamonitor.app.config.MonitorConfig;
import io.mediamonitor.enrich.EnrichSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void aThresholdAtOrBelowZeroACountOfNoArticlesAndAnUnknownTermTypeAreRefusedByName() {
        // before: "invalid detector prior or thresholds" naming no key, and the other two taken silently (no
        // articles in any alert; "actors" turned every default alert off)
        for (String[] bad : new String[][] {
                {"alerts.spike.score", "0", "alerts.spike.score: must be a number above 0 (a surprise of -log10 p), not 0.0"},
                {"alerts.rise.threshold", "-2", "alerts.rise.threshold: must be a number above 0"},
                {"alerts.articles.per.alert", "-1", "alerts.articles.per.alert: must be 1 to 50, not -1"},
                {"alerts.articles.per.alert", "0", "alerts.articles.per.alert: must be 1 to 50, not 0"},
                {"alerts.watch.default", "actors,keyword",
                        "alerts.watch.default: unknown term type 'actors' (known: actor, country, keyword, pair)"}}) {
            MonitorConfig config = MonitorConfig.load(null, Map.of(), Map.of(bad[0], bad[1]));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> AlertJob.settings(config))
                    .isInstanceOf(io.mediamonitor.app.config.ConfigException.class).hasMessageContaining(bad[2]);
        }
        MonitorConfig pairs = MonitorConfig.load(null, Map.of(), Map.of("alerts.watch.default", "actor, pair"));
        assertThat(AlertJob.settings(pairs).watchedByDefault()).containsExactlyInAnyOrder("actor", "pair");
    }

    @Test
    void aWatchlistThresholdNoDetectorTakesIsRefusedByName(@TempDir Path dir) throws IOException {
        for (String[] bad : new String[][] {{"min.stories: 0", "watchlist[1].min.stories: must be at least 1"},
                {"min.sources: -2", "watchlist[1].min.sources: must be at least 1"},
                {"min.score: 0", "watchlist[1].min.score: must be a number above 0"},
                {"min.stories: many", "watchlist[1].min.stories: expected a whole number, got 'many'"},
                {"min.sources: 2.5", "watchlist[1].min.sources: expected a whole number, got '2.5'"}}) {
            Path file = Files.writeString(dir.resolve("config.yaml"), "watchlist:\n  - term: actor:aes\n    "
                    + "min.stories: 4\n  - term: actor:wagner\n    " + bad[0] + "\n");
            MonitorConfig config = MonitorConfig.load(file, Map.of(), Map.of());

            assertThatThrownBy(() -> AlertJob.watchlist(config)).as(bad[0])
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining(bad[1]);
        }
        Path good = Files.writeString(dir.resolve("config.yaml"), "watchlist:\n  - term: actor:aes\n"
                + "    min.stories: 4\n    min.score: 6.5\n");
        assertThat(AlertJob.watchlist(MonitorConfig.load(good, Map.of(), Map.of())).get(0).getMinScore())
                .isEqualTo(6.5);
    }

    @Test
    void aWatchlistFieldNestedIsReadAndMisspelledIsRefused(@TempDir Path dir) throws IOException {
        Path nested = Files.writeString(dir.resolve("config.yaml"), "watchlist:\n  - term: actor:aes\n"
                + "    min:\n      stories: 4\n      sources: 3\n");
        assertThat(AlertJob.watchlist(MonitorConfig.load(nested, Map.of(), Map.of())).get(0).getMinSources())
                .isEqualTo(3);

        Path typo = Files.writeString(dir.resolve("config.yaml"), "watchlist:\n  - term: actor:aes\n"
                + "    min.storeis: 4\n");
        MonitorConfig config = MonitorConfig.load(typo, Map.of(), Map.of());
        assertThatThrownBy(() -> AlertJob.watchlist(config)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("watchlist[0].min.storeis: unknown field (did you mean 'min.stories'?)");
    }

    @Test
    void withoutConfigurationTheShippedDefaults() {
        DetectorConfig detector = AlertJob.settings(MonitorConfig.load(null, Map.of(), Map.of())).detector();

        assertThat(detector.spikeScore()).isEqualTo(DetectorConfig.defaults().spikeScore());
        assertThat(detector.cusumThreshold()).isEqualTo(DetectorConfig.defaults().cusumThreshold());
    }
}
