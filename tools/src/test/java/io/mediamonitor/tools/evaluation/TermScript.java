package io.mediamonitor.tools.evaluation;

import io.mediamonitor.alerts.detect.*;

import io.mediamonitor.tools.evaluation.MentionWindows;
import io.mediamonitor.tools.evaluation.SimArticle;
import io.mediamonitor.model.AlertStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/**
 * Test driver: writes one term's articles, windows them as the enrich topology does, and feeds every
 * update through {@link SpikeDetector#evaluate} with the state going through the byte codec each time, as
 * it would through a state store; ticks every window advance like a punctuator.
 */
final class TermScript {

    static final long T0 = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli(); // a Monday
    static final long MINUTE = 60_000L;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;

    final SpikeDetector detector;
    final String term;
    final Random random;
    final List<SimArticle> articles = new ArrayList<>();
    final List<AlertChange> changes = new ArrayList<>();
    DoubleUnaryOperator rhythm = t -> 1.0;
    boolean withVolume = true;
    TermState state;
    private long nextStory = 1;
    private long clock = Long.MIN_VALUE;
    private MentionWindows windows;

    TermScript(SpikeDetector detector, String term, long seed) {
        this.detector = detector;
        this.term = term;
        this.random = new Random(seed);
        this.state = detector.initialState(T0); // watched since T0: silence before a first mention is history
    }

    /** Busy days at midday, quiet nights, quieter weekends. */
    static double dailyRhythm(double t) {
        double hour = ((t - T0) / HOUR) % 24;
        double day = Math.floor((t - T0) / DAY) % 7;
        double daily = 1 + 0.8 * Math.sin((hour - 8) / 24 * 2 * Math.PI);
        return daily * (day >= 5 ? 0.6 : 1.0);
    }

    /** Poisson stories at {@code perHour} x rhythm, each from one of {@code pool} sources. */
    TermScript background(long from, long to, double perHour, int pool) {
        for (long t = from; t < to; t += MINUTE) {
            int n = poisson(perHour / 60 * rhythm.applyAsDouble(t));
            for (int i = 0; i < n; i++) {
                story(t + random.nextInt((int) MINUTE), random.nextInt(pool));
            }
        }
        return this;
    }

    /** {@code stories} new stories from sources {@code firstSource...} (round robin over {@code sources}) spread over {@code span}. */
    TermScript burst(long start, Duration span, int stories, int sources, int firstSource) {
        for (int i = 0; i < stories; i++) {
            story(start + (long) ((double) i / stories * span.toMillis()), firstSource + i % sources);
        }
        return this;
    }

    long story(long t, int source) {
        long id = nextStory++;
        articles.add(SimArticle.onTime(t, id, source));
        return id;
    }

    void copy(long t, long story, int source) {
        articles.add(SimArticle.onTime(t, story, source));
    }

    /** Feeds every article written so far up to {@code until}, in arrival order, ticking each advance. */
    TermScript run(long until) {
        articles.sort(Comparator.comparingLong(SimArticle::arrivalTime));
        DetectorConfig c = detector.config();
        if (windows == null) {
            windows = new MentionWindows(term, c.windowSizeMs(), c.advanceMs(), c.graceMs(), this::volume);
        }
        long nextTick = clock == Long.MIN_VALUE ? T0 : clock;
        for (SimArticle a : articles) {
            if (a.arrivalTime() < clock) {
                continue; // fed by an earlier run
            }
            if (a.arrivalTime() >= until) {
                break;
            }
            while (nextTick <= a.arrivalTime()) {
                tick(nextTick);
                nextTick += c.advanceMs();
            }
            for (WindowObservation o : windows.add(a)) {
                Decision d = detector.evaluate(roundTrip(state), o);
                state = d.state();
                changes.addAll(d.changes());
            }
        }
        while (nextTick < until) {
            tick(nextTick);
            nextTick += c.advanceMs();
        }
        clock = until;
        return this;
    }

    private void tick(long t) {
        Decision d = detector.tick(term, roundTrip(state), t);
        state = d.state();
        changes.addAll(d.changes());
    }

    private static TermState roundTrip(TermState s) {
        return s == null ? null : TermStateCodec.decode(TermStateCodec.encode(s));
    }

    /** 500 articles an hour in all, following the rhythm. */
    long volume(long windowStart, long asOf) {
        if (!withVolume) {
            return -1;
        }
        double v = 0;
        for (long t = windowStart; t < asOf; t += MINUTE) {
            v += 500.0 / 60 * rhythm.applyAsDouble(t);
        }
        return Math.round(v);
    }

    List<AlertChange> opened() {
        return changes.stream().filter(ch -> ch.status() == AlertStatus.OPEN).toList();
    }

    List<String> alertIds() {
        return changes.stream().map(AlertChange::alertId).distinct().toList();
    }

    private int poisson(double lambda) {
        double l = Math.exp(-lambda);
        int k = 0;
        double p = random.nextDouble();
        while (p > l) {
            k++;
            p *= random.nextDouble();
        }
        return k;
    }
}
