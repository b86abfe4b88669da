package io.mediamonitor.tools.evaluation;

import org.apache.commons.math3.random.RandomGenerator;

/** The few random draws the generator needs. */
final class Sampling {

    private Sampling() {
    }

    static int poisson(RandomGenerator r, double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda > 30) {
            return (int) Math.max(0, Math.round(lambda + Math.sqrt(lambda) * r.nextGaussian()));
        }
        double l = Math.exp(-lambda);
        int k = 0;
        double p = r.nextDouble();
        while (p > l) {
            k++;
            p *= r.nextDouble();
        }
        return k;
    }

    static double uniform(RandomGenerator r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    static int uniformInt(RandomGenerator r, int lo, int hiInclusive) {
        return lo + r.nextInt(hiInclusive - lo + 1);
    }

    static long exponentialMs(RandomGenerator r, double meanMs) {
        return (long) (-Math.log(1 - r.nextDouble()) * meanMs);
    }
}
