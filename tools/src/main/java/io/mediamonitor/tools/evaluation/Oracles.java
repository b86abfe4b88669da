package io.mediamonitor.tools.evaluation;

import io.mediamonitor.alerts.detect.DetectorConfig;
import io.mediamonitor.alerts.detect.NegativeBinomial;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Detectors that know what no real detector can: the rate each simulated term's articles were drawn from.
 * They mark the limit of detection at each rate level, and our detector is reported as a fraction of it.
 *
 * <p>Each is a likelihood-ratio test on the scored count, with the same guards, the same one alert per burst
 * and a threshold tuned to the same false-alarm budget on the tuning world as the baselines. Each spends the
 * whole budget on one kind of burst, where ours splits it between its two tests, so the limit is generous.
 * <ul>
 *   <li>The <b>spike test</b> is the upper tail of the window's count, negative binomial around its expected
 *       value (Neyman-Pearson: for a rise of any size, the most powerful test of one window).</li>
 *   <li>The <b>rise test</b> is Page's CUSUM of the log-likelihood ratio of a doubling over hourly windows
 *       (the quickest detection of a doubling at a given false-alarm rate, Lorden, Moustakides), limited to
 *       the last 12 hours ({@link RiseTest}).</li>
 * </ul>
 * Each comes in two kinds, and the spike test in a third. The one that <b>knows the term's rate</b> knows its
 * level, the world's rhythm, the term's twist of it and how much the news drifts, but not where the drift
 * stands: the best a detector that had learned the rate could do without following the drift. The one that
 * <b>knows the drift too</b> knows the rate at each moment, so its count is plain Poisson: a bound no detector
 * reaches, shown for scale. The spike test that <b>follows the drift</b> knows the rate and how the drift
 * moves, and learns where it stands from the stories that arrived before the window ({@link DriftFilter}):
 * what a predictive that follows the hour's drift could add, by one approximate filter. It is reported, not a
 * goal.
 */
final class Oracles {

    static final String SPIKE = "oracle spike test, knows the rate";
    static final String SPIKE_DRIFT = "oracle spike test, knows the drift too";
    static final String SPIKE_FOLLOWING = "oracle spike test, follows the drift";
    static final String RISE = "oracle rise test, knows the rate";
    static final String RISE_DRIFT = "oracle rise test, knows the drift too";
    static final List<String> NAMES = List.of(SPIKE, SPIKE_DRIFT, SPIKE_FOLLOWING, RISE, RISE_DRIFT);

    private Oracles() {
    }

    static boolean isOracle(String detector) {
        return NAMES.contains(detector);
    }

    /** The five oracles, thresholds untuned (the evaluation tunes them like the baselines). */
    static List<ScoredBaseline> all(DetectorConfig windows, ScoredCounts counts) {
        return List.of(
                new ScoredBaseline(SPIKE, windows, term -> SpikeTest.knowingTheRate(term.truth(), counts), 5),
                new ScoredBaseline(SPIKE_DRIFT, windows, term -> SpikeTest.knowingTheDrift(term.truth(), counts), 5),
                new ScoredBaseline(SPIKE_FOLLOWING, windows,
                        term -> SpikeTest.following(term.truth(), DriftFilter.of(term), counts), 5),
                new ScoredBaseline(RISE, windows, term -> riseTest(term, counts, false), 6),
                new ScoredBaseline(RISE_DRIFT, windows, term -> riseTest(term, counts, true), 6));
    }

    /**
     * The generator doubles only terms of 2 stories an hour and more; a rarer term's rises are a few stories
     * on top, and a doubling's CUSUM would only pile up their evidence (it drains by mu an hour) until an
     * ordinary window set it off. The rise oracle stays silent there.
     */
    private static ScoredBaseline.Model riseTest(TermScenario term, ScoredCounts counts, boolean knowingTheDrift) {
        if (ScenarioGenerator.rare(term.level())) {
            return new ScoredBaseline.Model() {
                @Override
                public void learn(long windowStart, int count, double volume) {
                }

                @Override
                public double score(long windowStart, long asOf, int count, double volume) {
                    return Double.NEGATIVE_INFINITY;
                }
            };
        }
        return new RiseTest(term.truth(), counts, knowingTheDrift);
    }

    /**
     * Of the stories first published in the half hour before a window, the share that a syndicated copy
     * brings into it: 15 % are picked up by K = 1-5 more outlets within 30 minutes, and at least one of K
     * uniform copies lands after the window's start with chance K / (K + 1) on average over the original's
     * time; E[K / (K + 1)] = 0.6165 for the generator's K.
     */
    static final double CARRIED_IN = ScenarioGenerator.SYNDICATION * 0.6165;

    /** Distinct stories expected in a window up to {@code asOf}, copies of earlier ones included. */
    static double expectedStories(TermTruth truth, boolean knowingTheDrift, long windowStart, long asOf) {
        return truth.expectedStories(windowStart, asOf, knowingTheDrift)
                + CARRIED_IN * truth.expectedStories(windowStart - 30 * World.MINUTE, windowStart, knowingTheDrift);
    }

    /** The count a window is expected to score up to {@code asOf}, and how it spreads. */
    private static NegativeBinomial expected(TermTruth truth, ScoredCounts counts, boolean knowingTheDrift,
                                             long windowStart, long asOf) {
        double stories = expectedStories(truth, knowingTheDrift, windowStart, asOf);
        double dispersion = knowingTheDrift ? 0 : truth.dispersion(asOf - windowStart);
        return new NegativeBinomial(Math.max(1e-9, counts.expected(stories)), dispersion);
    }

    /**
     * The count a window is expected to score up to {@code asOf} for one who followed the drift up to the window's
     * start and carries that belief through the window, at the AR(1)'s pace.
     */
    private static NegativeBinomial followed(TermTruth truth, DriftFilter drift, ScoredCounts counts,
                                             long windowStart, long asOf) {
        long known = truth.stepOf(windowStart) - 1;
        double x = known >= 0 ? drift.mean((int) known) : 0;
        double p = known >= 0 ? drift.variance((int) known) : truth.driftLogVariance();
        double[] window = truth.forecast(windowStart, asOf, known, x, p);
        double carried = truth.forecast(windowStart - 30 * World.MINUTE, windowStart, known, x, p)[0];
        double stories = window[0] + CARRIED_IN * carried;
        // The window's spread applies to the copies carried in too, as the oracle that knows the rate has it.
        double dispersion = window[0] > 0 ? window[1] / (window[0] * window[0]) : 0;
        return new NegativeBinomial(Math.max(1e-9, counts.expected(stories)), dispersion);
    }

    /** -log10 P(count at least this high | what the oracle expects of the window). */
    static final class SpikeTest implements ScoredBaseline.Model {
        /** What the oracle expects a window to score up to a moment. */
        interface Expectation {
            NegativeBinomial of(long windowStart, long asOf);
        }

        private final Expectation expectation;

        private SpikeTest(Expectation expectation) {
            this.expectation = expectation;
        }

        /** The oracle that knows the rate, not where the drift stands. */
        static SpikeTest knowingTheRate(TermTruth truth, ScoredCounts counts) {
            return new SpikeTest((windowStart, asOf) -> expected(truth, counts, false, windowStart, asOf));
        }

        /** The oracle that knows the rate at each moment, the drift included. */
        static SpikeTest knowingTheDrift(TermTruth truth, ScoredCounts counts) {
            return new SpikeTest((windowStart, asOf) -> expected(truth, counts, true, windowStart, asOf));
        }

        /** The oracle that knows the rate and how the drift moves, and follows where it stands. */
        static SpikeTest following(TermTruth truth, DriftFilter drift, ScoredCounts counts) {
            return new SpikeTest((windowStart, asOf) -> followed(truth, drift, counts, windowStart, asOf));
        }

        @Override
        public void learn(long windowStart, int count, double volume) {
            // nothing to learn: it knows (the one that follows the drift holds the term's filter, and reads it only
            // up to the step before the window)
        }

        @Override
        public double score(long windowStart, long asOf, int count, double volume) {
            // As ours: a window is judged once half of it has elapsed; the older windows hold the newest article.
            if (asOf - windowStart < World.HOUR / 2) {
                return 0;
            }
            return expectation.of(windowStart, asOf).score(count);
        }
    }

    /**
     * Window-limited CUSUM of the log-likelihood ratio of a doubled rate over the hour-aligned windows: the
     * most evidence for a doubling that began within the last 12 hours (Lai 1995), the longest step the world
     * makes. Plain Page's CUSUM restarts after its alarm; this one cannot see its alarm (the threshold is tuned
     * after the fact), and without the limit the evidence of a past burst would stay for days on a term whose
     * usual count drains it by one or two an hour. Closed windows enter for good, open ones as they stand.
     */
    static final class RiseTest implements ScoredBaseline.Model {
        static final int HOURS = 12;

        private final TermTruth truth;
        private final ScoredCounts counts;
        private final boolean knowingTheDrift;
        private final Map<Long, Integer> open = new TreeMap<>();
        /** Increments of the last closed hourly windows, oldest first. */
        private final java.util.ArrayDeque<Double> closed = new java.util.ArrayDeque<>();
        /** The stream time: the latest end of what has been scored (a late article scores an old window). */
        private long now = Long.MIN_VALUE;

        RiseTest(TermTruth truth, ScoredCounts counts, boolean knowingTheDrift) {
            this.truth = truth;
            this.counts = counts;
            this.knowingTheDrift = knowingTheDrift;
        }

        @Override
        public void learn(long windowStart, int count, double volume) {
            if (hourly(windowStart)) {
                closed.addLast(increment(windowStart, windowStart + World.HOUR, count));
                if (closed.size() > HOURS) {
                    closed.removeFirst();
                }
                open.keySet().removeIf(start -> start <= windowStart);
            }
        }

        @Override
        public double score(long windowStart, long asOf, int count, double volume) {
            now = Math.max(now, asOf);
            if (hourly(windowStart)) {
                open.merge(windowStart, count, Math::max);
            }
            double[] recent = new double[HOURS];
            int n = 0;
            for (Map.Entry<Long, Integer> w : open.entrySet()) {
                long end = Math.min(w.getKey() + World.HOUR, Math.max(now, w.getKey() + 1));
                recent[n++] = increment(w.getKey(), end, w.getValue());
                if (n == HOURS) {
                    break;
                }
            }
            while (closed.size() > HOURS - n) {
                closed.removeFirst();
            }
            // The largest sum of the most recent increments: newest open window backwards to any start.
            double best = 0;
            double sum = 0;
            for (int i = n - 1; i >= 0; i--) {
                sum += recent[i];
                best = Math.max(best, sum);
            }
            java.util.Iterator<Double> older = closed.descendingIterator();
            while (older.hasNext()) {
                sum += older.next();
                best = Math.max(best, sum);
            }
            return best;
        }

        private double increment(long windowStart, long asOf, int count) {
            NegativeBinomial usual = expected(truth, counts, knowingTheDrift, windowStart, asOf);
            double stories = expectedStories(truth, knowingTheDrift, windowStart, asOf);
            // The scored count of twice the stories is a little under twice the count (the cap).
            double shift = Math.max(1.01, counts.expected(2 * stories) / usual.mean());
            return usual.logLikelihoodRatio(count, shift);
        }

        private static boolean hourly(long windowStart) {
            return Math.floorMod(windowStart - World.T0, World.HOUR) == 0;
        }
    }
}
