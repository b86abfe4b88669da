package io.mediamonitor.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediamonitor.app.config.ConfigException;
import io.mediamonitor.app.config.MonitorConfig;
import io.mediamonitor.enrich.EnrichSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnrichJobTest {

    @Test
    void theRepeatHorizonDefaultsToAWeek() {
        EnrichSettings settings = EnrichJob.settings(MonitorConfig.load(null, Map.of(), Map.of()));

        assertThat(settings.idHorizon()).isEqualTo(Duration.ofDays(7)).isEqualTo(EnrichSettings.defaults().idHorizon());
    }

    @Test
    void aLongerStoryHorizonAloneLengthensTheRepeatHorizonAndKeepsTheWatermarksLag() {
        // 5-day stories, late articles counted as long: ids outlive the last copy that can count (241 h) by as much
        // as the watermark may lag (the story horizon less a window, 119 h)
        EnrichSettings settings = EnrichJob.settings(MonitorConfig.load(null, Map.of(),
                Map.of("enrich.story.horizon.ms", String.valueOf(Duration.ofDays(5).toMillis()))));

        assertThat(settings.lateness()).isEqualTo(Duration.ofDays(5));
        assertThat(settings.idHorizon()).isEqualTo(Duration.ofHours(360));
        assertThat(settings.maxWatermarkLag()).isEqualTo(Duration.ofHours(119));
        // 3-day stories: 216 h, more than the week, and the lag of 71 h the week gave before ids bounded it so
        EnrichSettings threeDays = EnrichJob.settings(MonitorConfig.load(null, Map.of(),
                Map.of("enrich.story.horizon.ms", String.valueOf(Duration.ofDays(3).toMillis()))));
        assertThat(threeDays.idHorizon()).isEqualTo(Duration.ofHours(216));
        assertThat(threeDays.maxWatermarkLag()).isEqualTo(Duration.ofHours(71));
    }

    @Test
    void aRepeatHorizonSetTooShortIsRefusedByName() {
        MonitorConfig config = MonitorConfig.load(null, Map.of(), Map.of("enrich.repeat.horizon.ms",
                String.valueOf(Duration.ofHours(72).toMillis())));

        assertThatThrownBy(() -> EnrichJob.settings(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("enrich.*: the repeat horizon must be at least")
                .hasMessageContaining("story horizon (PT48H), a window (PT1H) and the lateness (PT48H), PT97H in all")
                .hasMessageContaining("got PT72H");
    }
}
