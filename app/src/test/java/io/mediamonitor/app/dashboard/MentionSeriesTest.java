package io.mediamonitor.app.dashboard;

import static io.mediamonitor.app.dashboard.Fixtures.alert;
import static io.mediamonitor.app.dashboard.Fixtures.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediamonitor.app.dashboard.MentionSeries.Point;
import io.mediamonitor.model.AlertStatus;
import io.mediamonitor.model.MentionCount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MentionSeriesTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Instant T = Instant.parse("2025-03-12T14:00:00Z");

    @Test
    void fillsEmptyWindowsWithZerosAndDrawsTheTrailingMeanOfEarlierWindows() {
        MentionSeries series = new MentionSeries(HOUR, HOUR, Duration.ofHours(4));
        List<MentionCount> counts = List.of(
                count("actor:aes", T.minus(Duration.ofHours(4)), HOUR, 2, "a"),
                count("actor:aes", T.minus(Duration.ofHours(3)), HOUR, 2, "a"),
                count("actor:aes", T.minus(Duration.ofHours(2)), HOUR, 2, "a"),
                count("actor:aes", T.minus(Duration.ofHours(1)), HOUR, 2, "a"),
                count("actor:aes", T, HOUR, 10, "a", "b", "c"));

        List<Point> points = series.build("actor:aes", T, T.plus(HOUR), counts, List.of()).points();

        assertThat(points).extracting(Point::windowStart).containsExactly(T, T.plus(HOUR));
        assertThat(points).extracting(Point::stories).containsExactly(10, 0);
        assertThat(points.get(0).sources()).isEqualTo(3);
        // at T: the four windows before (2 each); at T+1h: 2, 2, 2 and the spike of 10
        assertThat(points).extracting(Point::expected).containsExactly(2.0, 4.0);
        assertThat(points).extracting(Point::expectedFrom)
                .containsOnly(MentionSeries.FROM_TRAILING_MEAN);
    }

    @Test
    void usesTheAlertsExpectedCountOnTheWindowItFiredOn() {
        MentionSeries series = new MentionSeries(HOUR, HOUR, Duration.ofHours(4));
        List<Point> points = series.build("actor:aes", T, T.plus(HOUR),
                List.of(count("actor:aes", T, HOUR, 10, "a")),
                List.of(alert("a1", 0, "actor:aes", "AES", AlertStatus.OPEN, T, 10, 1.7),
                        alert("b1", 0, "country:ML", "Mali", AlertStatus.OPEN, T.plus(HOUR), 10, 9.9))).points();

        assertThat(points.get(0).expected()).isEqualTo(1.7);
        assertThat(points.get(0).expectedFrom()).isEqualTo(MentionSeries.FROM_ALERT);
        // the other term's alert does not leak in; T+1h's trailing mean sees the 10 at T over 4 windows
        assertThat(points.get(1).expected()).isEqualTo(2.5);
        assertThat(points.get(1).expectedFrom()).isEqualTo(MentionSeries.FROM_TRAILING_MEAN);
    }

    @Test
    void aSpikeInOverlappingHoppingWindowsDoesNotRaiseItsOwnBaseline() {
        Duration step = Duration.ofMinutes(10);
        MentionSeries series = new MentionSeries(HOUR, step, HOUR);
        List<MentionCount> counts = new ArrayList<>();
        // one burst at T+5min sits in the six hopping windows starting T-50min .. T
        for (int i = 0; i < 6; i++) {
            counts.add(count("actor:aes", T.minus(step.multipliedBy(i)), HOUR, 6, "a"));
        }
        // and an older story counted in the windows starting T-2h .. T-1h10min
        for (int i = 7; i <= 12; i++) {
            counts.add(count("actor:aes", T.minus(step.multipliedBy(i)), HOUR, 3, "a"));
        }

        Point atT = series.build("actor:aes", T, T, counts, List.of()).points().get(0);

        assertThat(atT.stories()).isEqualTo(6);
        // windows that ended by T start in (T-2h, T-1h]: five of them hold 3, T-1h itself holds none
        assertThat(atT.expected()).isEqualTo(15.0 / 6);
        assertThat(series.historyStart(T)).isEqualTo(T.minus(Duration.ofHours(2)));
    }

    @Test
    void ignoresOtherTermsAndWindowsOffTheGrid() {
        MentionSeries series = new MentionSeries(HOUR, HOUR, Duration.ofHours(2));
        List<Point> points = series.build("actor:aes", T, T, List.of(
                count("actor:wagner", T, HOUR, 50, "a"),
                count("actor:aes", T.plusSeconds(60), HOUR, 50, "a")), List.of()).points();

        assertThat(points).singleElement().extracting(Point::stories).isEqualTo(0);
    }

    @Test
    void refusesRangesTooLongToDraw() {
        MentionSeries series = new MentionSeries(HOUR, Duration.ofMinutes(1), HOUR);
        assertThatThrownBy(() -> series.build("actor:aes", T.minus(Duration.ofDays(30)), T, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("range too long");
        assertThat(series.baselineDescription()).contains("1 h");
    }
}
