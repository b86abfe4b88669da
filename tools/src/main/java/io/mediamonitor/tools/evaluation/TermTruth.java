package io.mediamonitor.tools.evaluation;

/**
 * What the generator knows about one term and a detector can only learn: its expected stories in any stretch
 * of time (usual level, the world's rhythm and the term's own twist), the news drift those were multiplied by
 * (a log-normal AR(1) factor with mean 1, one value per 10 minutes) and the drift's variance. The oracles read
 * it; our detector and the baselines never do.
 */
public final class TermTruth {

    static final long STEP = 10 * World.MINUTE;

    private final long origin;
    /** Expected stories before each minute, without the drift and with it. */
    private final double[] expectedBefore;
    private final double[] driftedBefore;
    /** Variance of the drift's mean over 1..6 consecutive steps. */
    private final double[] meanDriftVariance;
    /** The drift's logarithm: its variance, and its correlation between neighbouring steps. */
    private final double logVariance;
    private final double stepCorrelation;

    /**
     * @param origin            start of the term's first minute
     * @param expectedPerMinute expected stories per minute without the drift, minute by minute
     * @param driftPerStep      the drift factor of each 10-minute step
     * @param driftVariance     the drift factor's variance
     * @param stepCorrelation   the correlation of the drift's logarithm between neighbouring steps
     */
    TermTruth(long origin, double[] expectedPerMinute, double[] driftPerStep, double driftVariance,
              double stepCorrelation) {
        this.origin = origin;
        this.expectedBefore = new double[expectedPerMinute.length + 1];
        this.driftedBefore = new double[expectedPerMinute.length + 1];
        for (int m = 0; m < expectedPerMinute.length; m++) {
            expectedBefore[m + 1] = expectedBefore[m] + expectedPerMinute[m];
            driftedBefore[m + 1] = driftedBefore[m] + expectedPerMinute[m] * driftPerStep[m / 10];
        }
        this.meanDriftVariance = meanDriftVariances(driftVariance, stepCorrelation, 6);
        this.logVariance = Math.log(1 + driftVariance);
        this.stepCorrelation = stepCorrelation;
    }

    /** How many 10-minute steps the term's time is cut into (the last one may be short). */
    public int steps() {
        return (expectedBefore.length - 1 + 9) / 10;
    }

    /** The step holding t, negative before the origin. */
    public long stepOf(long t) {
        return Math.floorDiv(t - origin, STEP);
    }

    /** Expected stories in one step without the drift. */
    public double expectedInStep(long step) {
        long start = origin + step * STEP;
        return at(expectedBefore, start + STEP) - at(expectedBefore, start);
    }

    /** The variance of the drift's logarithm (it has mean -variance/2, so the factor has mean 1). */
    public double driftLogVariance() {
        return logVariance;
    }

    public double stepCorrelation() {
        return stepCorrelation;
    }

    /**
     * Expected stories in [from, to) and the part of their variance the drift adds, {mean, variance}, for one
     * who believes the drift's logarithm at step {@code known} is normal with mean {@code x} and variance
     * {@code p} (measured from its mean) and carries that belief forward by the AR(1). Steps up to {@code known}
     * are taken at that belief too. Knowing nothing ({@code x = 0}, {@code p} the drift's log variance) gives
     * the undrifted expectation, and for a flat rate over whole steps the variance {@link #dispersion}
     * describes.
     */
    public double[] forecast(long from, long to, long known, double x, double p) {
        long first = stepOf(from);
        int n = (int) Math.max(0, stepOf(to - 1) - first + 1);
        double[] stories = new double[n];
        int[] ahead = new int[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            long k = first + i;
            long start = origin + k * STEP;
            ahead[i] = (int) Math.max(0, k - known);
            double r = Math.pow(stepCorrelation, ahead[i]);
            // E[exp(y - logVariance / 2)] for y ~ N(r x, r^2 p + logVariance (1 - r^2))
            double factor = Math.exp(r * x + r * r * (p - logVariance) / 2);
            stories[i] = (at(expectedBefore, Math.min(to, start + STEP)) - at(expectedBefore, Math.max(from, start)))
                    * factor;
            mean += stories[i];
        }
        double variance = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double both = Math.pow(stepCorrelation, ahead[i] + ahead[j]);
                double covariance = both * p + logVariance * (Math.pow(stepCorrelation, Math.abs(ahead[i] - ahead[j]))
                        - both);
                variance += stories[i] * stories[j] * Math.expm1(covariance);
            }
        }
        return new double[] {mean, variance};
    }

    /**
     * Expected stories published in [from, to): from the term's usual rate, or, when {@code knowingTheDrift},
     * from the rate the drift actually gave it.
     */
    public double expectedStories(long from, long to, boolean knowingTheDrift) {
        double[] before = knowingTheDrift ? driftedBefore : expectedBefore;
        return at(before, to) - at(before, from);
    }

    /** Expected stories before t, linear within its minute. */
    private double at(double[] before, long t) {
        double m = (double) (t - origin) / World.MINUTE;
        if (m <= 0) {
            return 0;
        }
        if (m >= before.length - 1) {
            return before[before.length - 1];
        }
        int i = (int) m;
        return before[i] + (m - i) * (before[i + 1] - before[i]);
    }

    /**
     * Extra-Poisson dispersion of the stories in a stretch of this length for a detector that knows the rate
     * but not the drift: the variance of the drift's mean over the steps the stretch covers (at most a window's
     * six), so the count is close to negative binomial with variance mu + phi mu^2.
     */
    public double dispersion(long span) {
        int steps = (int) Math.max(1, Math.min(meanDriftVariance.length, (span + STEP - 1) / STEP));
        return meanDriftVariance[steps - 1];
    }

    /**
     * Var of the mean of n steps of a log-normal AR(1) factor with mean 1 and variance v: the covariance of two
     * steps k apart is exp(sigma^2 rho^k) - 1 with sigma^2 = ln(1 + v).
     */
    static double[] meanDriftVariances(double v, double rho, int maxSteps) {
        double sigma2 = Math.log(1 + v);
        double[] out = new double[maxSteps];
        for (int n = 1; n <= maxSteps; n++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    sum += Math.expm1(sigma2 * Math.pow(rho, Math.abs(i - j)));
                }
            }
            out[n - 1] = sum / ((double) n * n);
        }
        return out;
    }
}
