package io.mediamonitor.alerts.detect;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class DailyRhythmTest {

    private static final long T0 = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final double DISCOUNT = DetectorConfig.defaults().rhythmDiscount();
    private static final double PRIOR = DetectorConfig.defaults().rhythmPriorStories();

    /** Learns {@code days} of 10-minute windows whose counts run {@code 1 + amplitude sin} times {@code usual}. */
    private static DailyRhythm learned(double usual, double amplitude, int days) {
        DailyRhythm rhythm = DailyRhythm.NONE;
        for (long t = T0; t < T0 + days * 24 * HOUR; t += HOUR / 6) {
            double angle = 2 * Math.PI * (t - T0) / (24 * HOUR);
            rhythm = rhythm.learn(t, usual * amplitude * Math.sin(angle), usual, DISCOUNT);
        }
        return rhythm;
    }

    @Test
    void aBusyTermLearnsItsOwnPeakHours() {
        DailyRhythm rhythm = learned(20, 0.3, 28);

        assertThat(rhythm.factor(T0 + 6 * HOUR, PRIOR)).isCloseTo(1.3, offset(0.03));  // sin peaks at 06:00
        assertThat(rhythm.factor(T0 + 18 * HOUR, PRIOR)).isCloseTo(0.7, offset(0.03));
        assertThat(rhythm.factor(T0, PRIOR)).isCloseTo(1.0, offset(0.02));
    }

    @Test
    void aRareTermKeepsTheStreamsRhythm() {
        DailyRhythm rhythm = learned(0.05, 0.3, 28);

        assertThat(rhythm.factor(T0 + 6 * HOUR, PRIOR)).isCloseTo(1.0, offset(0.05));
    }

    @Test
    void noHistoryIsNoRhythmOfItsOwn() {
        assertThat(DailyRhythm.NONE.factor(T0 + 6 * HOUR, PRIOR)).isEqualTo(1.0);
        assertThat(learned(20, 0.3, 28).decayed(0).factor(T0 + 6 * HOUR, PRIOR)).isEqualTo(1.0);
    }
}
