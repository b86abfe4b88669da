package io.mediamonitor.tools.evaluation;

import io.mediamonitor.alerts.detect.DetectorConfig;
import io.mediamonitor.alerts.detect.WindowObservation;

import java.util.ArrayList;
import java.util.List;

/**
 * A term's scenario turned into what the topology would deliver to the detector: window updates in
 * arrival order, with a clock tick every window advance in between (the punctuator).
 */
final class TermFeed {

    /** Enrich's default lateness: windows count late articles this long after their end. */
    static final java.time.Duration LATENESS = java.time.Duration.ofHours(48);

    /** Window updates, and ticks encoded as null observations at {@link #tickTimes}. */
    final List<WindowObservation> steps = new ArrayList<>();
    final List<Long> tickTimes = new ArrayList<>();

    TermFeed(TermScenario s, World world, DetectorConfig c) {
        MentionWindows windows = new MentionWindows(s.term(), c.windowSizeMs(), c.advanceMs(), LATENESS.toMillis(),
                world::volume);
        long end = World.T0 + world.days() * World.DAY;
        long nextTick = World.T0;
        for (SimArticle a : s.articles()) {
            if (a.arrivalTime() >= end) {
                break;
            }
            while (nextTick <= a.arrivalTime()) {
                tick(nextTick);
                nextTick += c.advanceMs();
            }
            steps.addAll(windows.add(a));
        }
        while (nextTick < end) {
            tick(nextTick);
            nextTick += c.advanceMs();
        }
    }

    private void tick(long t) {
        steps.add(null);
        tickTimes.add(t);
    }

    /** Feeds the whole term to one run; returns the alerts it opened. */
    List<Candidate.Opened> play(Candidate.TermRun run) {
        List<Candidate.Opened> opened = new ArrayList<>();
        int tick = 0;
        for (WindowObservation o : steps) {
            opened.addAll(o == null ? run.tick(tickTimes.get(tick++)) : run.observe(o));
        }
        return opened;
    }
}
