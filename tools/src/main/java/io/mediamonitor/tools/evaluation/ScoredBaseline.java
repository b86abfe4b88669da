package io.mediamonitor.tools.evaluation;

import io.mediamonitor.alerts.detect.DetectorConfig;
import io.mediamonitor.alerts.detect.WindowObservation;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A textbook detector for comparison, given the same advantages as ours so that only the statistics
 * differ: the same scored count (distinct stories, at most two per source), the same guards (3 stories, 3
 * sources), the same closed windows to learn from (once per advance, after end + grace, empty windows as
 * zeros), and one alert per burst (triggers within the cooldown of the last trigger extend it, like
 * Huginn's minimum peak spacing). Its threshold is tuned on the tuning world ({@link Calibration}).
 */
public final class ScoredBaseline implements Candidate {

    /** What a baseline learns from closed windows and how it scores a window. */
    public interface Model {
        void learn(long windowStart, int count, double volume);

        /**
         * Higher is more anomalous; {@code count} is what the window starting at {@code windowStart} holds up to
         * {@code asOf}; {@code volume} is NaN when unknown.
         */
        double score(long windowStart, long asOf, int count, double volume);
    }

    private static final long COOLDOWN_MS = 3 * World.HOUR;

    private final String name;
    private final DetectorConfig windows;
    private final Function<TermScenario, Model> models;
    private final double threshold;

    /** {@code models} gives each term its model; only the oracles read the term's truth. */
    public ScoredBaseline(String name, DetectorConfig windows, Function<TermScenario, Model> models,
                          double threshold) {
        this.name = name;
        this.windows = windows;
        this.models = models;
        this.threshold = threshold;
    }

    public ScoredBaseline withThreshold(double t) {
        return new ScoredBaseline(name, windows, models, t);
    }

    public double threshold() {
        return threshold;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public TermRun start(TermScenario term, long watchedSince) {
        return new Run(models.apply(term), watchedSince, null);
    }

    /**
     * A run that raises nothing and records the highest guarded score per advance-long bucket of event time
     * ({@code buckets[i]} covers {@code origin + i x advance}), to tune the threshold after the fact.
     */
    public TermRun tracing(TermScenario term, long watchedSince, double[] buckets, long origin) {
        java.util.Arrays.fill(buckets, Double.NEGATIVE_INFINITY);
        return new Run(models.apply(term), watchedSince, new Recorder(buckets, origin));
    }

    private record Recorder(double[] buckets, long origin) {
    }

    private final class Run implements TermRun {
        private final Model model;
        private final TreeMap<Long, double[]> open = new TreeMap<>(); // slot -> {count, volume}
        private final Recorder recorder;
        private long foldedUpTo;
        private long streamTime;
        private long lastTrigger = Long.MIN_VALUE;
        private int alerts;
        private final String prefix = Integer.toHexString(System.identityHashCode(this));

        Run(Model model, long watchedSince, Recorder recorder) {
            this.model = model;
            this.recorder = recorder;
            this.foldedUpTo = Math.floorDiv(watchedSince, windows.advanceMs()) * windows.advanceMs()
                    - windows.advanceMs();
            this.streamTime = watchedSince;
        }

        @Override
        public List<Opened> observe(WindowObservation o) {
            streamTime = Math.max(streamTime, o.eventTime());
            close();
            int count = windows.scoredCount(o.stories(), o.sources(), o.topSourceStories());
            double elapsed = o.elapsedFraction(streamTime);
            if (o.windowStart() > foldedUpTo) {
                double[] slot = open.computeIfAbsent(o.windowStart(), s -> new double[]{0, Double.NaN});
                slot[0] = Math.max(slot[0], count);
                if (o.hasVolume() && elapsed >= 0.25) {
                    slot[1] = o.totalVolume() / elapsed;
                }
            }
            if (o.stories() < windows.minStories() || o.sources() < windows.minSources()) {
                return List.of();
            }
            // A window less than half elapsed has too little volume to normalise by (SigniTrend scores full buckets).
            double score = model.score(o.windowStart(), Math.min(o.windowEnd(), streamTime), count,
                    o.hasVolume() && elapsed >= 0.5 ? o.totalVolume() : Double.NaN);
            if (recorder != null) {
                int i = (int) Math.floorDiv(o.eventTime() - recorder.origin(), windows.advanceMs());
                if (i >= 0 && i < recorder.buckets().length) {
                    recorder.buckets()[i] = Math.max(recorder.buckets()[i], score);
                }
                return List.of();
            }
            if (score < threshold) {
                return List.of();
            }
            boolean fresh = lastTrigger == Long.MIN_VALUE || o.eventTime() - lastTrigger > COOLDOWN_MS;
            lastTrigger = Math.max(lastTrigger, o.eventTime());
            if (!fresh) {
                return List.of();
            }
            List<Opened> out = new ArrayList<>(1);
            out.add(new Opened(name + ":" + prefix + ":" + alerts++, o.eventTime()));
            return out;
        }

        @Override
        public List<Opened> tick(long t) {
            streamTime = Math.max(streamTime, t);
            close();
            return List.of();
        }

        private void close() {
            long last = Math.floorDiv(streamTime - windows.windowSizeMs() - windows.graceMs(), windows.advanceMs())
                    * windows.advanceMs();
            while (foldedUpTo < last) {
                foldedUpTo += windows.advanceMs();
                double[] slot = open.remove(foldedUpTo);
                model.learn(foldedUpTo, slot == null ? 0 : (int) slot[0], slot == null ? Double.NaN : slot[1]);
            }
            while (!open.isEmpty() && open.firstKey() <= foldedUpTo) {
                open.pollFirstEntry();
            }
        }
    }

    /** Replays a recorded trace at a threshold: the alerts that would open (at the end of their bucket). */
    public List<Opened> opensAt(double[] buckets, long origin, double threshold) {
        List<Opened> opens = new ArrayList<>();
        long lastTrigger = Long.MIN_VALUE;
        for (int i = 0; i < buckets.length; i++) {
            if (buckets[i] < threshold) {
                continue;
            }
            long t = origin + (i + 1) * windows.advanceMs() - 1;
            if (lastTrigger == Long.MIN_VALUE || t - lastTrigger > COOLDOWN_MS) {
                opens.add(new Opened(name + ":replay:" + opens.size(), t));
            }
            lastTrigger = Math.max(lastTrigger, t);
        }
        return opens;
    }
}
