package io.mediamonitor.tools.evaluation;

import io.mediamonitor.alerts.detect.DetectorConfig;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The truth the oracles read, the scored count they expect, and their two tests. */
class OraclesTest {

    private static final long H = World.HOUR;
    private static final DetectorConfig WINDOWS = DetectorConfig.defaults();
    private static final ScoredCounts COUNTS = new ScoredCounts(new World(5, 2, 150), WINDOWS);

    /** A term of {@code perHour} stories an hour around the clock, its drift at {@code drift} throughout. */
    private static TermTruth steady(double perHour, double drift) {
        double[] perMinute = new double[3 * 1440];
        Arrays.fill(perMinute, perHour / 60);
        double[] steps = new double[perMinute.length / 10];
        Arrays.fill(steps, drift);
        return new TermTruth(World.T0, perMinute, steps, 0.08, Math.exp(-10.0 / 60));
    }

    @Test
    void theTruthSumsTheExpectedStoriesWithAndWithoutTheDrift() {
        TermTruth truth = steady(6, 1.5);
        assertThat(truth.expectedStories(World.T0 + H, World.T0 + 2 * H, false)).isCloseTo(6, within(1e-9));
        assertThat(truth.expectedStories(World.T0 + H, World.T0 + 2 * H, true)).isCloseTo(9, within(1e-9));
        assertThat(truth.expectedStories(World.T0 + H, World.T0 + H + 20 * World.MINUTE, false))
                .isCloseTo(2, within(1e-9));
    }

    @Test
    void theDriftOfAWindowAveragesOutOnlyAsFarAsItsStepsAreIndependent() {
        double v = 0.1;
        double[] independent = TermTruth.meanDriftVariances(v, 0, 6);
        double[] locked = TermTruth.meanDriftVariances(v, 1, 6);
        assertThat(independent[0]).isCloseTo(v, within(1e-12));
        assertThat(independent[5]).isCloseTo(v / 6, within(1e-12));
        assertThat(locked[5]).isCloseTo(v, within(1e-12));
        double[] correlated = TermTruth.meanDriftVariances(v, Math.exp(-10.0 / 60), 6);
        assertThat(correlated[5]).isBetween(v / 6, v);
        assertThat(steady(1, 1).dispersion(H)).isLessThan(steady(1, 1).dispersion(10 * World.MINUTE));
    }

    @Test
    void theScoredCountIsTheStoryCountWhenFewAndLoses() {
        assertThat(COUNTS.expected(0.05)).isCloseTo(0.05, within(0.005));
        assertThat(COUNTS.expected(1)).isCloseTo(1, within(0.05));
        double previous = 0;
        for (double stories = 0.02; stories < 200; stories *= 1.3) {
            double scored = COUNTS.expected(stories);
            assertThat(scored).isLessThanOrEqualTo(stories * 1.01).isGreaterThan(previous);
            previous = scored;
        }
        // At 50 stories the most popular outlet has several of its own, and counts for two of them.
        assertThat(COUNTS.expected(50)).isLessThan(50 * 0.95);
    }

    @Test
    void theSpikeTestIsSurprisedByWhatTheRateMakesImprobableAndMoreSoWhenItKnowsTheDrift() {
        TermTruth truth = steady(2, 1);
        Oracles.SpikeTest knowsRate = new Oracles.SpikeTest(truth, COUNTS, false);
        Oracles.SpikeTest knowsDrift = new Oracles.SpikeTest(truth, COUNTS, true);
        long start = World.T0 + 10 * H;
        assertThat(knowsRate.score(start, start + H, 2, Double.NaN)).isLessThan(1);
        assertThat(knowsRate.score(start, start + H, 14, Double.NaN)).isGreaterThan(5);
        assertThat(knowsDrift.score(start, start + H, 14, Double.NaN))
                .isGreaterThan(knowsRate.score(start, start + H, 14, Double.NaN));
        // Half the window elapsed: the same count is more surprising against half the expectation.
        assertThat(knowsRate.score(start, start + H / 2, 6, Double.NaN))
                .isGreaterThan(knowsRate.score(start, start + H, 6, Double.NaN));
    }

    @Test
    void theRiseTestAccumulatesADoublingHourByHourAndNotTheUsualCount() {
        TermTruth truth = steady(10, 1);
        Oracles.RiseTest usual = new Oracles.RiseTest(truth, COUNTS, false);
        Oracles.RiseTest doubled = new Oracles.RiseTest(truth, COUNTS, false);
        Oracles.RiseTest doubledThenUsual = new Oracles.RiseTest(truth, COUNTS, false);
        long start = World.T0 + 12 * H;
        int expected = (int) Math.round(COUNTS.expected(10));
        int twice = (int) Math.round(COUNTS.expected(20));
        for (int hour = 0; hour < 8; hour++) {
            long w = start + hour * H;
            usual.learn(w, expected, Double.NaN);
            doubled.learn(w, twice, Double.NaN);
            doubledThenUsual.learn(w, twice, Double.NaN);
            usual.learn(w + 10 * World.MINUTE, 99, Double.NaN); // not hour-aligned: not a CUSUM step
        }
        long next = start + 8 * H;
        assertThat(usual.score(next, next + H, expected, Double.NaN)).isLessThan(1);
        double stillDoubled = doubled.score(next, next + H, twice, Double.NaN);
        assertThat(stillDoubled).isGreaterThan(6);
        // The window still open counts as it stands: a ninth doubled hour scores above a usual one.
        assertThat(stillDoubled).isGreaterThan(doubledThenUsual.score(next, next + H, expected, Double.NaN));
    }

    @Test
    void aLateArticleOnAnOldWindowLeavesTheOpenWindowJudgedAtTheStreamTime() {
        TermTruth truth = steady(10, 1);
        Oracles.RiseTest rise = new Oracles.RiseTest(truth, COUNTS, false);
        long start = World.T0 + 12 * H;
        int expected = (int) Math.round(COUNTS.expected(10));
        for (int hour = 0; hour < 4; hour++) {
            rise.learn(start + hour * H, expected, Double.NaN);
        }
        long next = start + 4 * H;
        double now = rise.score(next, next + 40 * World.MINUTE, 2 * expected / 3, Double.NaN);
        // A late article updates the window of two hours ago, whose end is long past.
        double afterLate = rise.score(start + 2 * H + 10 * World.MINUTE, start + 3 * H + 10 * World.MINUTE, 4,
                Double.NaN);
        assertThat(afterLate).isEqualTo(now);
    }
}
