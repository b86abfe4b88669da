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
    void aLongerStoryHorizonAloneLengthensTheRepeatHorizonItNeeds() {
        // 5-day stories, late articles counted as long: ids must outlive the last copy that can count, 241 h
        EnrichSettings settings = EnrichJob.settings(MonitorConfig.load(null, Map.of(),
                Map.of("enrich.story.horizon.ms", String.valueOf(Duration.ofDays(5).toMillis()))));

        assertThat(settings.lateness()).isEqualTo(Duration.ofDays(5));
        assertThat(settings.idHorizon()).isEqualTo(Duration.ofHours(241));
    }

    @Test
    void aRepeatHorizonSetTooShortIsRefusedByName() {
        MonitorConfig config = MonitorConfig.load(null, Map.of(), Map.of("enrich.repeat.horizon.ms",
                String.valueOf(Duration.ofHours(72).toMillis())));

        assertThatThrownBy(() -> EnrichJob.settings(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("enrich.*: the repeat horizon must be at least")
                .hasMessageContaining("PT97H");
    }
}
