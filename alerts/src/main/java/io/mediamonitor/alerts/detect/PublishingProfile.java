package io.mediamonitor.alerts.detect;

import java.util.Arrays;

/**
 * When a source usually publishes: the expected number of publications in each hour of the day (UTC) and on
 * each day of the week, each an exponentially weighted average of what was seen. The rate at a moment is
 * the hour's expectation scaled by how busy that weekday is against the average day, so a newsroom that is
 * quiet at night and on Sundays is expected to be quiet then. Immutable: {@link #withHour} and
 * {@link #withDay} return a new profile.
 */
public final class PublishingProfile {

    static final int HOURS = 24;
    static final int DAYS = 7;
    static final long HOUR_MS = 3_600_000L;
    static final long DAY_MS = 24 * HOUR_MS;
    /** A bin learned at zero still expects this share of the average hour: nothing is ever certain. */
    static final double FLOOR_SHARE = 0.02;
    /** Updates counted per bin, for the warm start; more add nothing. */
    private static final int MAX_UPDATES = 1_000;

    private final double[] perHour;
    private final int[] hourUpdates;
    private final double[] perDay;
    private final int[] dayUpdates;
    /** Derived once: the rate is asked for hour by hour over whole gaps, every check. */
    private final double publicationsPerDay;
    private final double[] weekdayFactors;

    private PublishingProfile(double[] perHour, int[] hourUpdates, double[] perDay, int[] dayUpdates) {
        this.perHour = perHour;
        this.hourUpdates = hourUpdates;
        this.perDay = perDay;
        this.dayUpdates = dayUpdates;
        this.publicationsPerDay = Arrays.stream(perHour).sum();
        this.weekdayFactors = weekdayFactors(perDay, dayUpdates);
    }

    public static PublishingProfile empty() {
        return new PublishingProfile(new double[HOURS], new int[HOURS], new double[DAYS], new int[DAYS]);
    }

    /** A profile as stored: publications and update counts per hour of day, then per day of week. */
    public static PublishingProfile of(double[] perHour, int[] hourUpdates, double[] perDay, int[] dayUpdates) {
        if (perHour.length != HOURS || hourUpdates.length != HOURS || perDay.length != DAYS || dayUpdates.length != DAYS) {
            throw new IllegalArgumentException("a profile has 24 hours and 7 days");
        }
        return new PublishingProfile(perHour.clone(), hourUpdates.clone(), perDay.clone(), dayUpdates.clone());
    }

    /** The hour of day (0-23, UTC) of a moment. */
    static int hourOfDay(long t) {
        return (int) Math.floorMod(Math.floorDiv(t, HOUR_MS), (long) HOURS);
    }

    /** The day of week of a moment (0 = Thursday, 1970-01-01; only the distinction matters). */
    static int dayOfWeek(long t) {
        return (int) Math.floorMod(Math.floorDiv(t, DAY_MS), (long) DAYS);
    }

    /** Learns that the hour of day {@code hour} saw {@code events} publications, weighing it {@code alpha} once warm. */
    PublishingProfile withHour(int hour, int events, double alpha) {
        double[] h = perHour.clone();
        int[] n = hourUpdates.clone();
        h[hour] += Math.max(alpha, 1.0 / (n[hour] + 1)) * (events - h[hour]);
        n[hour] = Math.min(MAX_UPDATES, n[hour] + 1);
        return new PublishingProfile(h, n, perDay, dayUpdates);
    }

    /** Learns that the day of week {@code day} saw {@code events} publications. */
    PublishingProfile withDay(int day, int events, double alpha) {
        double[] d = perDay.clone();
        int[] n = dayUpdates.clone();
        d[day] += Math.max(alpha, 1.0 / (n[day] + 1)) * (events - d[day]);
        n[day] = Math.min(MAX_UPDATES, n[day] + 1);
        return new PublishingProfile(perHour, hourUpdates, d, n);
    }

    /** Whether every hour of the day has been seen at least {@code times} times. */
    boolean everyHourSeen(int times) {
        return Arrays.stream(hourUpdates).allMatch(n -> n >= times);
    }

    /** Days behind the hour-of-day expectations: how often the least-seen hour was seen. */
    int daysSeen() {
        return Arrays.stream(hourUpdates).min().orElse(0);
    }

    /** Weeks behind the weekday factors: how often the least-seen weekday was seen (0 while none is used). */
    int weeksSeen() {
        return Arrays.stream(dayUpdates).min().orElse(0);
    }

    /** Publications expected on an average day. */
    public double publicationsPerDay() {
        return publicationsPerDay;
    }

    /** Publications expected per hour at the moment {@code t}. */
    public double rateAt(long t) {
        double mean = publicationsPerDay / HOURS;
        return Math.max(perHour[hourOfDay(t)] * weekdayFactors[dayOfWeek(t)], FLOOR_SHARE * mean);
    }

    /** How busy each weekday is against the average learned day; 1 until the weekday has been seen. */
    private static double[] weekdayFactors(double[] perDay, int[] dayUpdates) {
        double sum = 0;
        int seen = 0;
        for (int d = 0; d < DAYS; d++) {
            if (dayUpdates[d] > 0) {
                sum += perDay[d];
                seen++;
            }
        }
        double mean = seen == 0 ? 0 : sum / seen;
        double[] factors = new double[DAYS];
        for (int d = 0; d < DAYS; d++) {
            factors[d] = dayUpdates[d] == 0 || mean <= 0 ? 1 : perDay[d] / mean;
        }
        return factors;
    }

    /** Publications expected in [from, to). */
    public double expected(long from, long to) {
        double e = 0;
        for (long t = from; t < to; ) {
            long end = Math.min(to, Math.floorDiv(t, HOUR_MS) * HOUR_MS + HOUR_MS);
            e += rateAt(t) * (end - t) / HOUR_MS;
            t = end;
        }
        return e;
    }

    /**
     * The moment after {@code from} by which {@code target} publications were expected, or {@link Long#MAX_VALUE}
     * if that takes longer than {@code horizonMs}.
     */
    public long reaches(long from, double target, long horizonMs) {
        double e = 0;
        for (long t = from; t < from + horizonMs; ) {
            long end = Math.floorDiv(t, HOUR_MS) * HOUR_MS + HOUR_MS;
            double rate = rateAt(t);
            double more = rate * (end - t) / HOUR_MS;
            if (rate > 0 && e + more >= target) {
                return t + (long) Math.ceil((target - e) / rate * HOUR_MS);
            }
            e += more;
            t = end;
        }
        return Long.MAX_VALUE;
    }

    /** Expected publications in each hour of the day (UTC), for storage. */
    public double[] perHour() {
        return perHour.clone();
    }

    public int[] hourUpdates() {
        return hourUpdates.clone();
    }

    /** Expected publications on each day of the week, for storage. */
    public double[] perWeekday() {
        return perDay.clone();
    }

    public int[] weekdayUpdates() {
        return dayUpdates.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublishingProfile p && Arrays.equals(perHour, p.perHour)
                && Arrays.equals(hourUpdates, p.hourUpdates) && Arrays.equals(perDay, p.perDay)
                && Arrays.equals(dayUpdates, p.dayUpdates);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(perHour) * 31 + Arrays.hashCode(perDay);
    }
}
