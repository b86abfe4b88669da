package io.mediamonitor.tools.evaluation;

import io.mediamonitor.alerts.detect.DetectorConfig;

import java.util.List;

/**
 * The detectors we compare against, each as its authors describe it, on our scored count:
 * <ul>
 *   <li>fixed threshold: alert when the count reaches N (many newsroom alert rules);</li>
 *   <li>Huginn's PeakDetectorAgent: mean + k standard deviations of the last 14 days of values (k = 3 by
 *       default);</li>
 *   <li>EWMA z-score: exponentially weighted mean and variance (same 3-day half-life as ours);</li>
 *   <li>SigniTrend (Schubert, Weiler, Kriegel, KDD 2014): EWMA mean and variance of the term's frequency
 *       relative to all articles, z = (x - max(mean, beta)) / (sd + beta) with a noise floor beta.</li>
 * </ul>
 */
public final class BaselineModels {

    private BaselineModels() {
    }

    /** All four, with their authors' default thresholds (the evaluation tunes them). */
    public static List<ScoredBaseline> all(DetectorConfig windows) {
        double alpha = 1 - windows.discount();
        int huginnValues = (int) (14 * World.DAY / windows.advanceMs());
        return List.of(
                new ScoredBaseline("fixed threshold", windows, term -> new FixedThreshold(), 5),
                new ScoredBaseline("Huginn mean+3σ", windows, term -> new MeanPlusSigma(huginnValues), 3),
                new ScoredBaseline("EWMA z-score", windows, term -> new EwmaZScore(alpha), 3),
                new ScoredBaseline("SigniTrend", windows, term -> new SigniTrend(alpha, 1.0), 3));
    }

    static final class FixedThreshold implements ScoredBaseline.Model {
        @Override
        public void learn(long windowStart, int count, double volume) {
        }

        @Override
        public double score(long windowStart, long asOf, int count, double volume) {
            return count;
        }
    }

    /** Huginn: history of the last 14 days of values, alert above mean + k sd (no floor on sd). */
    static final class MeanPlusSigma implements ScoredBaseline.Model {
        private final double[] ring;
        private int size;
        private int next;
        private double sum;
        private double sumSquares;

        MeanPlusSigma(int capacity) {
            ring = new double[capacity];
        }

        @Override
        public void learn(long windowStart, int count, double volume) {
            if (size == ring.length) {
                sum -= ring[next];
                sumSquares -= ring[next] * ring[next];
            } else {
                size++;
            }
            ring[next] = count;
            sum += count;
            sumSquares += (double) count * count;
            next = (next + 1) % ring.length;
        }

        @Override
        public double score(long windowStart, long asOf, int count, double volume) {
            if (size < 2) {
                return 0;
            }
            double mean = sum / size;
            double sd = Math.sqrt(Math.max(0, sumSquares / size - mean * mean));
            return (count - mean) / Math.max(sd, 1e-9);
        }
    }

    /** z = (x - m) / s with EWMA mean and variance; s floored at 0.5 story so that zero variance is finite. */
    static final class EwmaZScore implements ScoredBaseline.Model {
        private final double alpha;
        private double mean;
        private double variance;

        EwmaZScore(double alpha) {
            this.alpha = alpha;
        }

        @Override
        public void learn(long windowStart, int count, double volume) {
            double diff = count - mean;
            double incr = alpha * diff;
            mean += incr;
            variance = (1 - alpha) * (variance + diff * incr);
        }

        @Override
        public double score(long windowStart, long asOf, int count, double volume) {
            return (count - mean) / Math.max(Math.sqrt(variance), 0.5);
        }
    }

    /**
     * SigniTrend on the count normalised to the usual volume (x = count x usualVolume / volume): EWMA and
     * EWMVar of x, z = (x - max(EWMA, beta)) / (sqrt(EWMVar) + beta).
     */
    static final class SigniTrend implements ScoredBaseline.Model {
        private final double alpha;
        private final double beta;
        private double mean;
        private double variance;
        private double usualVolume = Double.NaN;

        SigniTrend(double alpha, double beta) {
            this.alpha = alpha;
            this.beta = beta;
        }

        private double normalised(int count, double volume) {
            if (Double.isNaN(volume) || volume <= 0 || Double.isNaN(usualVolume)) {
                return count;
            }
            return count * usualVolume / volume;
        }

        @Override
        public void learn(long windowStart, int count, double volume) {
            if (!Double.isNaN(volume) && volume > 0) {
                usualVolume = Double.isNaN(usualVolume) ? volume : usualVolume + alpha * (volume - usualVolume);
            }
            double x = normalised(count, volume);
            double diff = x - mean;
            double incr = alpha * diff;
            mean += incr;
            variance = (1 - alpha) * (variance + diff * incr);
        }

        @Override
        public double score(long windowStart, long asOf, int count, double volume) {
            double x = normalised(count, volume);
            return (x - Math.max(mean, beta)) / (Math.sqrt(variance) + beta);
        }
    }
}
