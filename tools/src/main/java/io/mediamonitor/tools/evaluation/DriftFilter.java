package io.mediamonitor.tools.evaluation;

import java.util.HashMap;
import java.util.Map;

/**
 * Where a term's news drift stands, learned from its stories as they come, by one who knows the term's usual
 * rate and how its drift moves (the log-normal AR(1) of {@link TermTruth}): a Kalman filter on the drift's
 * logarithm whose Poisson update is the Laplace approximation (the posterior's mode, found by Newton's method,
 * and its curvature). Step k's belief uses the stories that had arrived by the end of step k, nothing later.
 */
final class DriftFilter {

    /** Newton's method on a concave log-posterior this narrow converges in a few steps; this bounds it. */
    private static final int MAX_NEWTON_STEPS = 20;

    private final double[] mean;
    private final double[] variance;

    /**
     * @param stories     distinct stories first seen in each step
     * @param expected    stories each step was expected to bring without the drift
     * @param logVariance the drift logarithm's variance
     * @param correlation its correlation between neighbouring steps
     */
    DriftFilter(int[] stories, double[] expected, double logVariance, double correlation) {
        mean = new double[stories.length];
        variance = new double[stories.length];
        double m = 0;
        double p = logVariance;
        for (int k = 0; k < stories.length; k++) {
            double priorMean = correlation * m;
            double priorVariance = correlation * correlation * p + logVariance * (1 - correlation * correlation);
            double x = priorMean;
            for (int i = 0; i < MAX_NEWTON_STEPS; i++) {
                double rate = expected[k] * Math.exp(x - logVariance / 2);
                double step = (-(x - priorMean) / priorVariance + stories[k] - rate) / (1 / priorVariance + rate);
                x += step;
                if (Math.abs(step) < 1e-9) {
                    break;
                }
            }
            m = x;
            p = 1 / (1 / priorVariance + expected[k] * Math.exp(x - logVariance / 2));
            mean[k] = m;
            variance[k] = p;
        }
    }

    /**
     * The filter over a simulated term's stories, each counted once, in the step its first copy arrived: what a
     * detector had seen by then. A late story is counted when it arrives, not in the step it was published in.
     */
    static DriftFilter of(TermScenario term) {
        TermTruth truth = term.truth();
        int[] stories = new int[truth.steps()];
        double[] expected = new double[stories.length];
        Map<Long, Long> firstArrived = new HashMap<>();
        for (SimArticle a : term.articles()) {
            firstArrived.merge(a.story(), a.arrivalTime(), Math::min);
        }
        for (long arrived : firstArrived.values()) {
            long step = truth.stepOf(arrived);
            if (step >= 0 && step < stories.length) {
                stories[(int) step]++;
            }
        }
        for (int k = 0; k < expected.length; k++) {
            expected[k] = truth.expectedInStep(k);
        }
        return new DriftFilter(stories, expected, truth.driftLogVariance(), truth.stepCorrelation());
    }

    /** The belief about the drift's logarithm after step k: its mean, measured from the drift's own mean. */
    double mean(int step) {
        return mean[step];
    }

    double variance(int step) {
        return variance[step];
    }
}
