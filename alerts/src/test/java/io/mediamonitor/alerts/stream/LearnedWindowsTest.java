package io.mediamonitor.alerts.stream;

import io.mediamonitor.alerts.detect.LearnedWindow;
import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LearnedWindowsTest {

    private static final long HOUR = Duration.ofHours(1).toMillis();

    @Test
    void aWindowIsKeptWhileEnrichsWatermarkMayStillLetALateArticleIntoIt() {
        AlertSettings settings = AlertSettings.defaults().withLateness(Duration.ofHours(48))
                .withWatermarkLag(Duration.ofHours(47));
        long windowSize = settings.detector().windowSizeMs();
        LearnedWindow window = new LearnedWindow(0, 3, 2, Double.NaN, false, 1, 0.1);
        long end = windowSize;

        // the newest time seen is 60 h past the window's end: the watermark may be 47 h behind it, so the window
        // is 13 h past its end by the watermark, well within the lateness, and enrich may still count into it
        assertThat(LearnedWindows.stillOpen(window, settings, end + 60 * HOUR)).isTrue();
        assertThat(LearnedWindows.stillOpen(window, settings, end + 95 * HOUR - 1)).isTrue();
        assertThat(LearnedWindows.stillOpen(window, settings, end + 95 * HOUR)).isFalse();
    }

    @Test
    void withoutAWatermarkLagOnlyTheLatenessKeepsIt() {
        AlertSettings settings = AlertSettings.defaults().withLateness(Duration.ofHours(2))
                .withWatermarkLag(Duration.ZERO);
        LearnedWindow window = new LearnedWindow(10 * HOUR, 3, 2, Double.NaN, false, 1, 0.1);
        long end = 10 * HOUR + settings.detector().windowSizeMs();

        assertThat(LearnedWindows.stillOpen(window, settings, end + 2 * HOUR - 1)).isTrue();
        assertThat(LearnedWindows.stillOpen(window, settings, end + 2 * HOUR)).isFalse();
    }
}
