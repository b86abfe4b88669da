package io.mediamonitor.tools.evaluation;

import io.mediamonitor.alerts.detect.DetectorConfig;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

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
        Oracles.SpikeTest knowsRate = Oracles.SpikeTest.knowingTheRate(truth, COUNTS);
        Oracles.SpikeTest knowsDrift = Oracles.SpikeTest.knowingTheDrift(truth, COUNTS);
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

    @Test
    void aForecastKnowingNothingIsTheUndriftedExpectationWithTheDriftsWholeSpread() {
        TermTruth truth = steady(6, 1);
        long start = World.T0 + 10 * H;
        double[] f = truth.forecast(start, start + H, truth.stepOf(start) - 1, 0, truth.driftLogVariance());
        assertThat(f[0]).isCloseTo(6, within(1e-9));
        assertThat(f[1]).isCloseTo(36 * truth.dispersion(H), within(1e-9));
    }

    @Test
    void knowingWhereTheDriftStandsMovesTheExpectationAndNarrowsItForAWhile() {
        TermTruth truth = steady(6, 1);
        long start = World.T0 + 10 * H;
        long known = truth.stepOf(start) - 1;
        double[] unknown = truth.forecast(start, start + H, known, 0, truth.driftLogVariance());
        double[] high = truth.forecast(start, start + H, known, 0.5, 0);
        assertThat(high[0]).isGreaterThan(unknown[0] * 1.2);
        assertThat(high[1] / (high[0] * high[0])).isLessThan(unknown[1] / (unknown[0] * unknown[0]));
        // The first step after the known one: the AR(1) carries a share rho of it, and adds the rest of the spread.
        double rho = truth.stepCorrelation();
        double s2 = truth.driftLogVariance();
        double[] next = truth.forecast(start, start + 10 * World.MINUTE, known, 0.5, 0);
        assertThat(next[0]).isCloseTo(Math.exp(rho * 0.5 - rho * rho * s2 / 2), within(1e-9));
        assertThat(next[1]).isCloseTo(next[0] * next[0] * Math.expm1(s2 * (1 - rho * rho)), within(1e-12));
        // A day later nothing of it is left.
        double[] later = truth.forecast(start + 24 * H, start + 25 * H, known, 0.5, 0);
        assertThat(later[0]).isCloseTo(unknown[0], within(1e-6));
        assertThat(later[1]).isCloseTo(unknown[1], within(1e-6));
    }

    @Test
    void theDriftFilterFollowsABusyTermsDriftAndKeepsItsPriorOnARareOne() {
        double s2 = Math.log(1.1);
        double rho = Math.exp(-10.0 / 60);
        RandomGenerator r = new Well19937c(7);
        int steps = 2000;
        double[] drift = new double[steps];
        double x = 0;
        for (int k = 0; k < steps; k++) {
            x = rho * x + Math.sqrt(s2 * (1 - rho * rho)) * r.nextGaussian();
            drift[k] = x;
        }
        double[] busy = new double[steps];
        Arrays.fill(busy, 20);
        double[] rare = new double[steps];
        Arrays.fill(rare, 0.001);
        DriftFilter following = new DriftFilter(poisson(r, busy, drift, s2), busy, s2, rho);
        DriftFilter blind = new DriftFilter(poisson(r, rare, drift, s2), rare, s2, rho);
        double[] filtered = new double[steps];
        double blindDistance = 0;
        for (int k = 0; k < steps; k++) {
            filtered[k] = following.mean(k);
            assertThat(blind.variance(k)).isCloseTo(s2, within(0.01 * s2));
            blindDistance += Math.abs(blind.mean(k)) / steps;
        }
        // A story or two in 2,000 steps moves it for an hour each (a story is strong evidence at that rate).
        assertThat(blindDistance).isLessThan(0.01);
        assertThat(new PearsonsCorrelation().correlation(filtered, drift))
                .isGreaterThan(0.8);
        assertThat(following.variance(steps - 1)).isLessThan(s2 / 3);
        // What comes after a step never changes the belief at it.
        int[] counts = poisson(new Well19937c(8), busy, drift, s2);
        int[] more = counts.clone();
        more[1500] += 30;
        assertThat(new DriftFilter(more, busy, s2, rho).mean(1499))
                .isEqualTo(new DriftFilter(counts, busy, s2, rho).mean(1499));
        assertThat(new DriftFilter(more, busy, s2, rho).mean(1500))
                .isGreaterThan(new DriftFilter(counts, busy, s2, rho).mean(1500));
    }

    @Test
    void theSpikeTestThatFollowsTheDriftExpectsMoreAfterBusyHoursAndLessAfterQuietOnes() {
        TermTruth truth = steady(10, 1);
        double[] expected = new double[truth.steps()];
        for (int k = 0; k < expected.length; k++) {
            expected[k] = truth.expectedInStep(k);
        }
        int[] busy = new int[expected.length];
        int[] quiet = new int[expected.length];
        for (int k = 0; k < expected.length; k++) {
            busy[k] = (int) Math.round(2 * expected[k] * (k % 2 + 0.5));
            quiet[k] = k % 3 == 0 ? 1 : 0;
        }
        double s2 = truth.driftLogVariance();
        double rho = truth.stepCorrelation();
        long start = World.T0 + 20 * H;
        double afterBusy = Oracles.SpikeTest.following(truth, new DriftFilter(busy, expected, s2, rho), COUNTS)
                .score(start, start + H, 22, Double.NaN);
        double afterQuiet = Oracles.SpikeTest.following(truth, new DriftFilter(quiet, expected, s2, rho), COUNTS)
                .score(start, start + H, 22, Double.NaN);
        double knowingTheRate = Oracles.SpikeTest.knowingTheRate(truth, COUNTS).score(start, start + H, 22, Double.NaN);
        assertThat(afterBusy).isLessThan(knowingTheRate);
        assertThat(afterQuiet).isGreaterThan(knowingTheRate);
        // Not judged before half the window has elapsed, like the others.
        assertThat(Oracles.SpikeTest.following(truth, new DriftFilter(quiet, expected, s2, rho), COUNTS)
                .score(start, start + H / 3, 22, Double.NaN)).isZero();
    }

    @Test
    void theSpikeTestThatFollowsTheDriftButHasSeenNothingJudgesAsTheOneThatKnowsTheRate() {
        TermTruth truth = steady(10, 1);
        DriftFilter nothingSeen = new DriftFilter(new int[truth.steps()], new double[truth.steps()],
                truth.driftLogVariance(), truth.stepCorrelation());
        Oracles.SpikeTest following = Oracles.SpikeTest.following(truth, nothingSeen, COUNTS);
        Oracles.SpikeTest knowingTheRate = Oracles.SpikeTest.knowingTheRate(truth, COUNTS);
        long start = World.T0 + 20 * H;
        for (long asOf : new long[] {start + H / 2, start + 40 * World.MINUTE, start + H}) {
            for (int count : new int[] {3, 12, 25}) {
                assertThat(following.score(start, asOf, count, Double.NaN))
                        .isCloseTo(knowingTheRate.score(start, asOf, count, Double.NaN), within(1e-9));
            }
        }
    }

    @Test
    void theDriftFilterCountsEachStoryOnceInTheStepItsFirstCopyArrived() {
        TermTruth truth = steady(10, 1);
        long step = 10 * World.MINUTE;
        long t0 = World.T0;
        List<SimArticle> articles = List.of(
                new SimArticle(t0 + 3 * step + 1, t0 + 3 * step + 1, 1, 7),
                new SimArticle(t0 + 3 * step + 2, t0 + 5 * step, 1, 8), // a copy of story 1, later
                new SimArticle(t0 + 2 * step, t0 + 8 * step + 5, 2, 9)); // published in step 2, arrived in step 8
        DriftFilter fromTerm = DriftFilter.of(new TermScenario("keyword:t", 10, articles, List.of(), truth));
        int[] stories = new int[truth.steps()];
        stories[3] = 1;
        stories[8] = 1;
        double[] expected = new double[truth.steps()];
        for (int k = 0; k < expected.length; k++) {
            expected[k] = truth.expectedInStep(k);
        }
        DriftFilter byHand = new DriftFilter(stories, expected, truth.driftLogVariance(), truth.stepCorrelation());
        for (int k = 0; k < 12; k++) {
            assertThat(fromTerm.mean(k)).as("step %d", k).isEqualTo(byHand.mean(k));
        }
    }

    @Test
    void theSpikeTestThatFollowsTheDriftReadsNothingFromTheWindowItJudges() {
        TermTruth truth = steady(10, 1);
        double[] expected = new double[truth.steps()];
        int[] usual = new int[truth.steps()];
        for (int k = 0; k < expected.length; k++) {
            expected[k] = truth.expectedInStep(k);
            usual[k] = (int) Math.round(expected[k]);
        }
        long start = World.T0 + 20 * H;
        int first = (int) truth.stepOf(start);
        int[] burstInside = usual.clone();
        burstInside[first] += 20;
        int[] burstBefore = usual.clone();
        burstBefore[first - 1] += 20;
        double s2 = truth.driftLogVariance();
        double rho = truth.stepCorrelation();
        double plain = Oracles.SpikeTest.following(truth, new DriftFilter(usual, expected, s2, rho), COUNTS)
                .score(start, start + H, 22, Double.NaN);
        assertThat(Oracles.SpikeTest.following(truth, new DriftFilter(burstInside, expected, s2, rho), COUNTS)
                .score(start, start + H, 22, Double.NaN)).isEqualTo(plain);
        assertThat(Oracles.SpikeTest.following(truth, new DriftFilter(burstBefore, expected, s2, rho), COUNTS)
                .score(start, start + H, 22, Double.NaN)).isLessThan(plain);
    }

    private static int[] poisson(RandomGenerator r, double[] expected, double[] logDrift, double s2) {
        int[] out = new int[expected.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = Sampling.poisson(r, expected[k] * Math.exp(logDrift[k] - s2 / 2));
        }
        return out;
    }
}
