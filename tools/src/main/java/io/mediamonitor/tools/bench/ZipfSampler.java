package io.mediamonitor.tools.bench;

import java.util.Arrays;
import java.util.Random;

/** Draws ranks 0..n-1 with probability proportional to 1 / (rank + 1)^exponent. */
final class ZipfSampler {

    private final double[] cumulative;

    ZipfSampler(int n, double exponent) {
        cumulative = new double[n];
        double sum = 0;
        for (int rank = 0; rank < n; rank++) {
            sum += 1 / Math.pow(rank + 1, exponent);
            cumulative[rank] = sum;
        }
        for (int rank = 0; rank < n; rank++) {
            cumulative[rank] /= sum;
        }
    }

    int next(Random random) {
        int found = Arrays.binarySearch(cumulative, random.nextDouble());
        int rank = found >= 0 ? found : -found - 1;
        return Math.min(rank, cumulative.length - 1);
    }
}
