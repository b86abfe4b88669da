package io.mediamonitor.alerts.detect;

import io.mediamonitor.model.AlertKind;
import io.mediamonitor.model.AlertStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SilenceDetectorTest {

    private static final long MIN = 60_000L;
    private static final long HOUR = 60 * MIN;
    private final SilenceDetector detector = new SilenceDetector(SilenceConfig.defaults());
    private final String feed = "feed:https://example.org/rss";

    /** Articles every ~{@code gap} from {@code from} to {@code to}, checking the clock every 10 minutes. */
    private SourceRhythm publish(SourceRhythm s, long from, long to, long gap, Random r, List<AlertChange> out) {
        long next = from;
        for (long t = from; t < to; t += 10 * MIN) {
            while (next <= t) {
                SilenceDetector.Step step = detector.onArticle(feed, s, next);
                s = step.state();
                step.change().ifPresent(out::add);
                next += (long) (-Math.log(1 - r.nextDouble()) * gap);
            }
            SilenceDetector.Step step = detector.check(feed, s, t);
            s = step.state();
            step.change().ifPresent(out::add);
        }
        return s;
    }

    @Test
    void anOutageRaisesOneAlertResolvedWhenTheSourceResumes() {
        Random r = new Random(1);
        List<AlertChange> changes = new ArrayList<>();
        SourceRhythm s = publish(null, 0, 5 * 24 * HOUR, 30 * MIN, r, changes);
        assertThat(changes).isEmpty();
        long lastBefore = s.lastSeenAt();
        long threshold = detector.threshold(s);
        // 30 hours without an article, then back to normal.
        for (long t = lastBefore; t < lastBefore + 30 * HOUR; t += 10 * MIN) {
            SilenceDetector.Step step = detector.check(feed, s, t);
            s = step.state();
            step.change().ifPresent(changes::add);
        }
        publish(s, lastBefore + 30 * HOUR, lastBefore + 40 * HOUR, 30 * MIN, r, changes);

        assertThat(changes).extracting(AlertChange::status).containsExactly(AlertStatus.OPEN, AlertStatus.RESOLVED);
        assertThat(changes).extracting(AlertChange::alertId).containsOnly(changes.get(0).alertId());
        assertThat(changes.get(0).kind()).isEqualTo(AlertKind.SILENCE);
        assertThat(threshold).isBetween(6 * HOUR, 12 * HOUR); // 6 h floor, or its longest quiet spell x 2.5
        assertThat(changes.get(0).triggeredAt() - lastBefore).isBetween(threshold, threshold + 10 * MIN);
        assertThat(changes.get(0).explanation()).contains("has published nothing");
    }

    @Test
    void aSlowSourceNeedsALongerSilence() {
        Random r = new Random(2);
        List<AlertChange> changes = new ArrayList<>();
        SourceRhythm s = publish(null, 0, 20 * 24 * HOUR, 3 * HOUR, r, changes);

        assertThat(changes).isEmpty(); // its normal gaps of many hours are not outages
        assertThat(detector.threshold(s)).isGreaterThan(12 * HOUR);
    }

    @Test
    void aNewSourceIsNotJudgedBeforeItsRhythmIsKnown() {
        SourceRhythm s = detector.onArticle(feed, null, 0).state();
        assertThat(detector.check(feed, s, 30 * 24 * HOUR).change()).isEmpty();
    }
}
