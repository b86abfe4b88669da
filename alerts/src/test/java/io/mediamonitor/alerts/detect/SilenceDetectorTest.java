package io.mediamonitor.alerts.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.model.AlertKind;
import io.mediamonitor.model.AlertStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

class SilenceDetectorTest {

    private static final long MIN = 60_000L;
    private static final long HOUR = 60 * MIN;
    private static final long DAY = 24 * HOUR;
    /** A Monday, 00:00 UTC. */
    private static final long T0 = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();
    private final SilenceDetector detector = new SilenceDetector(SilenceConfig.defaults());
    private final String source = "source:Le Sahel";

    /** A newsroom: busy from 07:00 to 21:00 at {@code perHour}, a tenth of that at night. */
    private static LongToDoubleFunction newsroom(double perHour) {
        return newsroom(perHour, 0.1);
    }

    private static LongToDoubleFunction newsroom(double perHour, double atNight) {
        return t -> {
            long hour = Math.floorMod(t, DAY) / HOUR;
            return hour >= 7 && hour < 21 ? perHour : perHour * atNight;
        };
    }

    /** Poisson articles at {@code rate} per hour from {@code from} to {@code to}, checking the clock every 10 minutes. */
    private SourceRhythm publish(SourceRhythm s, long from, long to, LongToDoubleFunction rate, Random r,
                                 List<AlertChange> out) {
        double peak = 0;
        for (long t = from; t < from + DAY; t += HOUR) {
            peak = Math.max(peak, rate.applyAsDouble(t));
        }
        long next = from;
        for (long t = from; t < to; t += 10 * MIN) {
            while (next <= t) {
                if (next > from && r.nextDouble() <= rate.applyAsDouble(next) / peak) {
                    SilenceDetector.Step step = detector.onArticle(source, s, next);
                    s = step.state();
                    step.change().ifPresent(out::add);
                }
                next += (long) (-Math.log(1 - r.nextDouble()) / peak * HOUR);
            }
            SilenceDetector.Step step = detector.check(source, s, t);
            s = step.state();
            step.change().ifPresent(out::add);
        }
        return s;
    }

    private SourceRhythm silence(SourceRhythm s, long from, long to, List<AlertChange> out) {
        for (long t = from; t < to; t += 10 * MIN) {
            SilenceDetector.Step step = detector.check(source, s, t);
            s = step.state();
            step.change().ifPresent(out::add);
        }
        return s;
    }

    @Test
    void quiet_nights_are_learned_and_raise_nothing() {
        List<AlertChange> changes = new ArrayList<>();
        SourceRhythm s = publish(null, T0, T0 + 21 * DAY, newsroom(6), new Random(1), changes);

        assertThat(changes).isEmpty();
        PublishingProfile profile = s.profile();
        assertThat(profile.rateAt(T0 + 14 * HOUR)).isCloseTo(6, org.assertj.core.data.Offset.offset(2.0));
        assertThat(profile.rateAt(T0 + 3 * HOUR)).isLessThan(1.5);
    }

    @Test
    void a_daytime_outage_of_a_busy_newsroom_is_reported_within_the_hour_and_resolved_by_its_next_article() {
        List<AlertChange> changes = new ArrayList<>();
        Random r = new Random(2);
        long monday = T0 + 14 * DAY;
        SourceRhythm s = publish(null, T0, monday + 9 * HOUR, newsroom(12), r, changes);
        long last = s.lastSeenAt();
        long alarm = detector.alarmAt(s);
        s = silence(s, monday + 9 * HOUR, monday + 15 * HOUR, changes);
        publish(s, monday + 15 * HOUR, monday + 20 * HOUR, newsroom(12), r, changes);

        assertThat(changes).extracting(AlertChange::status).containsExactly(AlertStatus.OPEN, AlertStatus.RESOLVED);
        AlertChange open = changes.get(0);
        assertThat(open.kind()).isEqualTo(AlertKind.SILENCE);
        assertThat(open.triggeredAt()).isEqualTo(alarm); // raised at the moment it became improbable
        assertThat(alarm - last).isBetween(30 * MIN, 75 * MIN); // 12 articles an hour: about 11.4 missed
        assertThat(open.explanation()).contains("has published nothing for").contains("usual rhythm");
        assertThat(changes.get(1).triggeredAt()).isGreaterThanOrEqualTo(open.triggeredAt());
        assertThat(changes).extracting(AlertChange::alertId).containsOnly(open.alertId());
    }

    @Test
    void the_same_silence_at_night_waits_for_the_morning() {
        List<AlertChange> changes = new ArrayList<>();
        long evening = T0 + 14 * DAY + 21 * HOUR;
        SourceRhythm s = publish(null, T0, evening, newsroom(12, 1 / 30.0), new Random(3), changes);

        long alarm = detector.alarmAt(s);
        // ten night hours expect about 4 articles: the alarm comes with the next morning's missing ones
        assertThat(Math.floorMod(alarm, DAY) / HOUR).isBetween(7L, 9L);
        assertThat(alarm - s.lastSeenAt()).isGreaterThan(8 * HOUR);
    }

    @Test
    void a_late_article_from_inside_the_outage_resolves_at_the_opening_not_before() {
        List<AlertChange> changes = new ArrayList<>();
        long monday = T0 + 14 * DAY;
        SourceRhythm s = publish(null, T0, monday + 10 * HOUR, newsroom(12), new Random(4), changes);
        long last = s.lastSeenAt();
        s = silence(s, monday + 10 * HOUR, monday + 14 * HOUR, changes);
        assertThat(changes).hasSize(1);
        long opened = changes.get(0).triggeredAt();

        // an article published a minute after the last one, fetched only now
        SilenceDetector.Step step = detector.onArticle(source, s, last + MIN);
        assertThat(step.change()).hasValueSatisfying(c -> {
            assertThat(c.status()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(c.triggeredAt()).isEqualTo(opened);
        });
    }

    @Test
    void a_sparse_source_needs_a_longer_silence_and_a_new_one_is_not_judged_before_it_has_seen_two_days() {
        List<AlertChange> changes = new ArrayList<>();
        SourceRhythm sparse = publish(null, T0, T0 + 21 * DAY, t -> 1 / 3.0, new Random(5), changes);
        assertThat(changes).isEmpty();
        assertThat(detector.alarmAt(sparse) - sparse.lastSeenAt()).isGreaterThan(12 * HOUR);

        SourceRhythm young = publish(null, T0, T0 + 30 * HOUR, newsroom(12), new Random(6), changes);
        assertThat(young.events()).isGreaterThan(50);
        assertThat(detector.alarmAt(young)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void articles_of_one_batch_count_as_one_publication() {
        SourceRhythm s = detector.onArticle(source, null, T0).state();
        s = detector.onArticle(source, s, T0 + 1_000).state();
        s = detector.onArticle(source, s, T0 + 2_000).state();
        assertThat(s.events()).isEqualTo(1);
        assertThat(s.lastSeenAt()).isEqualTo(T0 + 2_000);
        s = detector.onArticle(source, s, T0 + 30_000).state();
        assertThat(s.events()).isEqualTo(2);
    }
}
