package io.mediamonitor.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThroughputTrackerTest {

    private static final Instant T = Instant.parse("2025-03-12T14:00:00Z");

    @Test
    void noRateBeforeTwoSamples() {
        ThroughputTracker tracker = new ThroughputTracker(Duration.ofMinutes(1));
        assertThat(tracker.perSecond("media.alerts")).isNull();
        tracker.record("media.alerts", T, 100);
        assertThat(tracker.perSecond("media.alerts")).isNull();
    }

    @Test
    void rateSpansAboutTheLastMinute() {
        ThroughputTracker tracker = new ThroughputTracker(Duration.ofMinutes(1));
        tracker.record("t", T, 0);
        tracker.record("t", T.plusSeconds(30), 3_000);   // a burst long ago...
        tracker.record("t", T.plusSeconds(100), 3_100);
        tracker.record("t", T.plusSeconds(130), 3_400);

        // ...is out of the window: from the sample at 30 s (last one at or before 130 - 60) to 130 s
        assertThat(tracker.perSecond("t")).isCloseTo(400 / 100.0, within(1e-9));
        tracker.record("t", T.plusSeconds(175), 3_850);
        assertThat(tracker.perSecond("t")).isCloseTo(750 / 75.0, within(1e-9));
    }

    @Test
    void aRecreatedTopicGivesZeroNotANegativeRate() {
        ThroughputTracker tracker = new ThroughputTracker(Duration.ofMinutes(1));
        tracker.record("t", T, 500);
        tracker.record("t", T.plusSeconds(10), 20);
        assertThat(tracker.perSecond("t")).isZero();
    }
}
