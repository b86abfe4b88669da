package io.mediamonitor.alerts.detect;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * Negative-binomial counts in the (mean, dispersion) form: variance = mu + phi mu^2. News counts are
 * overdispersed (stories come in clusters), so a Poisson test, the phi = 0 limit, alarms far too often.
 */
public record NegativeBinomial(double mean, double dispersion) {

    /** Smallest tail we distinguish; keeps the score finite. */
    static final double MIN_TAIL = 1e-300;

    public NegativeBinomial {
        if (!(mean > 0) || dispersion < 0) {
            throw new IllegalArgumentException("mean must be > 0 and dispersion >= 0: " + mean + ", " + dispersion);
        }
    }

    public double variance() {
        return mean + dispersion * mean * mean;
    }

    public double sd() {
        return Math.sqrt(variance());
    }

    /** P(X >= k). */
    public double upperTail(int k) {
        if (k <= 0) {
            return 1.0;
        }
        double p;
        if (dispersion < 1e-9) {
            // Poisson limit: P(X >= k) = P(Gamma(k, 1) <= mean).
            p = Gamma.regularizedGammaP(k, mean);
        } else {
            double size = 1.0 / dispersion;
            // With X failures before the size-th success, P(X >= k) = I_{1-p}(k, size), 1-p = mean/(size+mean).
            p = Beta.regularizedBeta(mean / (size + mean), k, size);
        }
        return Math.max(MIN_TAIL, Math.min(1.0, p));
    }

    /** Surprise of observing at least k: -log10 P(X >= k). */
    public double score(int k) {
        return -Math.log10(upperTail(k));
    }

    /**
     * Log-likelihood ratio of a count k under a mean shifted by {@code shift} against this mean, the same
     * dispersion: the increment of a CUSUM tuned to that shift. Linear in k.
     */
    public double logLikelihoodRatio(double k, double shift) {
        if (dispersion < 1e-9) {
            return k * Math.log(shift) - (shift - 1) * mean;
        }
        double size = 1.0 / dispersion;
        double shifted = shift * mean;
        return size * Math.log((size + mean) / (size + shifted)) + k * Math.log(shift * (size + mean) / (size + shifted));
    }
}
