package io.mediamonitor.tools.evaluation;

import io.mediamonitor.alerts.detect.DetectorConfig;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;


/**
 * The expected scored count of a window (distinct stories, the top source's own stories capped) for a given
 * expected number of stories, in a world's outlets: simulated once per number of stories, averaged over
 * the Poisson count on a grid of rates, interpolated between.
 * At a few stories an hour the two are the same; at 50 the top outlet's own stories, capped, take a sixth
 * off, so an oracle that compared the scored count with the expected stories would see every busy hour as a
 * shortfall.
 */
final class ScoredCounts {

    private static final double MIN_RATE = 0.01;
    private static final double GRID_STEP = 1.15;
    /** Up to 310 stories a window: a term at 50 an hour peaks at about 100, and the rise test asks for twice. */
    private static final int POINTS = 75;
    private static final int MAX_STORIES = 420;
    private static final int DRAWS = 300;
    private static final double SYNDICATION = ScenarioGenerator.SYNDICATION;

    /** ln of the expected scored count at MIN_RATE x GRID_STEP^i. */
    private final double[] logScored = new double[POINTS];

    ScoredCounts(World world, DetectorConfig windows) {
        // The scored count of a window of n stories, simulated (every n up to 60, then every 4th, linear
        // between); exact up to the per-source cap, which no fewer stories can reach.
        RandomGenerator r = new Well19937c(97);
        double[] byStories = new double[MAX_STORIES + 1];
        int lastSimulated = 0;
        for (int n = 1; n <= MAX_STORIES; n++) {
            if (n <= windows.storiesPerSource()) {
                byStories[n] = n;
                lastSimulated = n;
            } else if (n <= 60 || n % 4 == 0 || n == MAX_STORIES) {
                double sum = 0;
                for (int d = 0; d < DRAWS; d++) {
                    sum += oneWindow(r, world, windows, n);
                }
                byStories[n] = sum / DRAWS;
                for (int m = lastSimulated + 1; m < n; m++) {
                    byStories[m] = byStories[lastSimulated]
                            + (byStories[n] - byStories[lastSimulated]) * (m - lastSimulated) / (n - lastSimulated);
                }
                lastSimulated = n;
            }
        }
        // Averaged over the Poisson number of stories at each rate of the grid.
        for (int i = 0; i < POINTS; i++) {
            double rate = MIN_RATE * Math.pow(GRID_STEP, i);
            double p = Math.exp(-rate);
            double sum = 0;
            for (int n = 1; n <= MAX_STORIES; n++) {
                p *= rate / n;
                sum += p * byStories[n];
            }
            logScored[i] = Math.log(sum);
        }
    }

    /** Expected scored count of a window expected to hold {@code stories} distinct stories. */
    double expected(double stories) {
        if (stories <= MIN_RATE) {
            return Math.max(stories, 1e-12);
        }
        double x = Math.log(stories / MIN_RATE) / Math.log(GRID_STEP);
        int i = (int) Math.min(POINTS - 2, Math.floor(x));
        double f = x - i; // past the grid's end, the last slope goes on
        return Math.exp(logScored[i] + f * (logScored[i + 1] - logScored[i]));
    }

    /** One simulated window of n stories: outlets as the world draws them, 15 % syndicated to 1-5 more. */
    private static int oneWindow(RandomGenerator r, World world, DetectorConfig windows, int stories) {
        int[] published = new int[world.sources()];
        int[] alone = new int[world.sources()];
        int sources = 0;
        int top = 0;
        for (int s = 0; s < stories; s++) {
            int first = world.drawSource(r);
            sources += published[first]++ == 0 ? 1 : 0;
            boolean sole = true;
            if (r.nextDouble() < SYNDICATION) {
                int extra = 1 + Math.min(4, (int) Sampling.exponentialMs(r, 1.5));
                for (int e = 0; e < extra; e++) {
                    int other = world.drawSource(r);
                    sources += published[other]++ == 0 ? 1 : 0;
                    sole &= other == first;
                }
            }
            if (sole) {
                top = Math.max(top, ++alone[first]);
            }
        }
        return windows.scoredCount(stories, sources, top);
    }
}
