package io.mediamonitor.tools.evaluation;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

import java.time.Instant;

/**
 * The simulated media world one seed describes: a total article volume per minute following a daily and
 * weekly rhythm, and outlets of Zipf popularity. Every term of a world sees the same total volume.
 */
public final class World {

    /** Simulations start on a Monday at midnight UTC. */
    public static final long T0 = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();
    public static final long MINUTE = 60_000L;
    public static final long HOUR = 60 * MINUTE;
    public static final long DAY = 24 * HOUR;
    /** Articles an hour across all terms at a rhythm of 1. */
    static final double VOLUME_PER_HOUR = 480;

    private final long[] cumulative; // articles published before each minute
    private final double[] sourceCdf;
    private final int days;

    public World(long seed, int days, int sources) {
        this.days = days;
        RandomGenerator r = new Well19937c(seed);
        int minutes = days * 1440;
        cumulative = new long[minutes + 1];
        for (int m = 0; m < minutes; m++) {
            cumulative[m + 1] = cumulative[m] + Sampling.poisson(r, VOLUME_PER_HOUR / 60 * rhythm(T0 + m * MINUTE));
        }
        sourceCdf = new double[sources];
        double sum = 0;
        for (int i = 0; i < sources; i++) {
            sum += 1.0 / (i + 1);
            sourceCdf[i] = sum;
        }
        for (int i = 0; i < sources; i++) {
            sourceCdf[i] /= sum;
        }
    }

    /** Busy afternoons, quiet nights (0.3 at 02:00, 1.7 at 14:00 UTC), weekends at 65 %. */
    public static double rhythm(long t) {
        double hour = (double) Math.floorMod(t - T0, DAY) / HOUR;
        long day = Math.floorDiv(t - T0, DAY) % 7;
        return (1 + 0.7 * Math.sin((hour - 8) / 24 * 2 * Math.PI)) * (day >= 5 ? 0.65 : 1.0);
    }

    public int days() {
        return days;
    }

    public int sources() {
        return sourceCdf.length;
    }

    /** Total articles of all terms published in [windowStart, asOf), as the topology would know it. */
    public long volume(long windowStart, long asOf) {
        return at(asOf) - at(windowStart);
    }

    private long at(long t) {
        long m = Math.floorDiv(t - T0, MINUTE);
        int i = (int) Math.max(0, Math.min(cumulative.length - 1, m));
        return cumulative[i];
    }

    /** An outlet, popular ones more often. */
    public int drawSource(RandomGenerator r) {
        double u = r.nextDouble();
        int lo = 0;
        int hi = sourceCdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sourceCdf[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
