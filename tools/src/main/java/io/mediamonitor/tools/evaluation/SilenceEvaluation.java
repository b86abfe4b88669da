package io.mediamonitor.tools.evaluation;

import io.mediamonitor.alerts.detect.AlertChange;
import io.mediamonitor.alerts.detect.SilenceConfig;
import io.mediamonitor.alerts.detect.SilenceDetector;
import io.mediamonitor.alerts.detect.SourceRhythm;
import io.mediamonitor.model.AlertStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Simulated outlets with a day and night: one publication every 5 minutes to every 8 hours on average, a
 * daily rhythm of their own (the trough at night 10-70 % of the average, the peak early or late in the
 * afternoon), quieter weekends, and some publishing in batches. A third keep publishing; the others go dark
 * once: by day (starting 08:00-12:00), by night (starting 20:00-23:00), for 6 to 48 hours, or for good. Both
 * the clock-aware detector and the previous gap rule ({@link GapRule}) see the same articles.
 */
final class SilenceEvaluation {

    static final long MINUTE = World.MINUTE;
    static final long HOUR = World.HOUR;
    static final long DAY = World.DAY;
    private static final long CHECK_EVERY = 10 * MINUTE;
    private static final double BUDGET = SilenceConfig.defaults().falseAlarmsPerSourceDay();

    /** How often an outlet publishes, for the recall of daytime outages. */
    enum Band {
        FREQUENT("every ≤ 30 min"), HOURLY("every 30 min-2 h"), SPARSE("every > 2 h");

        final String label;

        Band(String label) {
            this.label = label;
        }

        static Band of(double meanGapMs) {
            return meanGapMs <= 30 * MINUTE ? FREQUENT : meanGapMs <= 2 * HOUR ? HOURLY : SPARSE;
        }
    }

    enum Outage { NONE, DAY, NIGHT, FOR_GOOD }

    /** What one detector did over every outlet of every seed. */
    static final class Result {
        final String detector;
        final int[][] outages = new int[Outage.values().length][Band.values().length];
        final int[][] found = new int[Outage.values().length][Band.values().length];
        /** Outages the oracle finds: it knows the outlet's true rate and spends the same false-alarm budget. */
        final int[][] detectable = new int[Outage.values().length][Band.values().length];
        int falseAlerts;
        double sourceDays;
        /** How soon the daytime outages found were reported. */
        final List<Timed> timed = new ArrayList<>();
        /** The same for the oracle, on the daytime outages it finds. */
        final List<Timed> oracleTimed = new ArrayList<>();
        int resolvedBeforeOpened;

        Result(String detector) {
            this.detector = detector;
        }

        double recall(Outage kind, Band band) {
            return share(found, kind, band);
        }

        double recall(Outage kind) {
            return share(found, kind);
        }

        double oracleRecall(Outage kind, Band band) {
            return share(detectable, kind, band);
        }

        double oracleRecall(Outage kind) {
            return share(detectable, kind);
        }

        /** The share of the outages of a kind, in a band, that {@code hits} counts. */
        private double share(int[][] hits, Outage kind, Band band) {
            return hits[kind.ordinal()][band.ordinal()] / (double) outages[kind.ordinal()][band.ordinal()];
        }

        /** The same over every band. */
        private double share(int[][] hits, Outage kind) {
            return java.util.Arrays.stream(hits[kind.ordinal()]).sum()
                    / (double) java.util.Arrays.stream(outages[kind.ordinal()]).sum();
        }

        double falseAlertsPerSourceDay() {
            return falseAlerts / sourceDays;
        }

        /** The median delay of the daytime outages found in {@code band} (null: every band), in hours. */
        double medianDelayH(Band band) {
            return Tally.quantile(in(timed, band).map(Timed::hours).toList(), 0.5);
        }

        double medianDelayH() {
            return medianDelayH(null);
        }

        /**
         * Share of the daytime outages found in {@code band} (null: every band) reported within twice the outlet's
         * expected gap at that hour, plus an hour.
         */
        double shareWithinTwoGapsAndAnHour(Band band) {
            return shareInTime(timed, band);
        }

        double shareWithinTwoGapsAndAnHour() {
            return shareInTime(timed, null);
        }

        /** The same for the oracle, over the daytime outages it finds: the most any detector can report in time. */
        double oracleMedianDelayH(Band band) {
            return Tally.quantile(in(oracleTimed, band).map(Timed::hours).toList(), 0.5);
        }

        double oracleShareWithinTwoGapsAndAnHour(Band band) {
            return shareInTime(oracleTimed, band);
        }

        double oracleShareWithinTwoGapsAndAnHour() {
            return shareInTime(oracleTimed, null);
        }

        private static java.util.stream.Stream<Timed> in(List<Timed> timed, Band band) {
            return timed.stream().filter(t -> band == null || t.band() == band);
        }

        private static double shareInTime(List<Timed> timed, Band band) {
            long all = in(timed, band).count();
            return all == 0 ? Double.NaN : in(timed, band).filter(Timed::inTime).count() / (double) all;
        }
    }

    /** One daytime outage found: the outlet's band, how long after it began, and whether within the goal's delay. */
    record Timed(Band band, double hours, boolean inTime) {

        static Timed of(Outlet outlet, long delayMs) {
            return new Timed(outlet.band, delayMs / (double) HOUR, delayMs <= withinTwoGapsAndAnHour(outlet));
        }
    }

    /** A detector under test: the same two calls as {@link SilenceDetector}. */
    interface Detector<S> {
        Step<S> onArticle(S state, long at);

        Step<S> check(S state, long now);
    }

    record Step<S>(S state, Optional<AlertChange> change) {
    }

    /** Both detectors over {@code sources} outlets per seed. */
    static List<Result> run(List<Long> seeds, int days, int warmupDays, int sources) {
        SilenceDetector clockAware = new SilenceDetector(SilenceConfig.defaults());
        Detector<SourceRhythm> ours = new Detector<>() {
            @Override
            public Step<SourceRhythm> onArticle(SourceRhythm s, long at) {
                SilenceDetector.Step step = clockAware.onArticle("source:sim", s, at);
                return new Step<>(step.state(), step.change());
            }

            @Override
            public Step<SourceRhythm> check(SourceRhythm s, long now) {
                SilenceDetector.Step step = clockAware.check("source:sim", s, now);
                return new Step<>(step.state(), step.change());
            }
        };
        Result clock = new Result("hour-of-day and weekday profile, P(none) budget (ours)");
        Result gap = new Result("previous: 6 × typical gap, 2.5 × longest recent gap, ≥ 6 h");
        for (long seed : seeds) {
            RandomGenerator r = new Well19937c(seed ^ 0x5157L);
            for (int s = 0; s < sources; s++) {
                Outlet outlet = Outlet.draw(r, s, days, warmupDays);
                List<Long> articles = outlet.articles(new Well19937c(seed * 1_000_003L + s));
                score(outlet, articles, ours, clock);
                score(outlet, articles, new GapRule(), gap);
            }
        }
        return List.of(clock, gap);
    }

    private static <S> void score(Outlet outlet, List<Long> articles, Detector<S> detector, Result result) {
        S state = null;
        boolean caught = false;
        long openedAt = Long.MIN_VALUE;
        int next = 0;
        for (long t = World.T0; t < outlet.end; t += CHECK_EVERY) {
            while (next < articles.size() && articles.get(next) <= t) {
                Step<S> step = detector.onArticle(state, articles.get(next++));
                state = step.state();
                if (step.change().isPresent() && step.change().get().status() == AlertStatus.RESOLVED
                        && step.change().get().triggeredAt() < openedAt) {
                    result.resolvedBeforeOpened++;
                }
            }
            Step<S> step = detector.check(state, t);
            state = step.state();
            if (step.change().isEmpty() || step.change().get().status() != AlertStatus.OPEN) {
                continue;
            }
            openedAt = step.change().get().triggeredAt();
            if (openedAt < outlet.scoredFrom) {
                continue;
            }
            boolean during = outlet.outage != Outage.NONE && openedAt >= outlet.outageStart && openedAt <= outlet.outageEnd;
            if (!during) {
                result.falseAlerts++;
            } else if (!caught) {
                caught = true;
                result.found[outlet.outage.ordinal()][outlet.band.ordinal()]++;
                if (outlet.outage == Outage.DAY) {
                    result.timed.add(Timed.of(outlet, openedAt - outlet.outageStart));
                }
            }
        }
        result.sourceDays += (outlet.end - outlet.scoredFrom) / (double) DAY;
        if (outlet.outage != Outage.NONE) {
            result.outages[outlet.outage.ordinal()][outlet.band.ordinal()]++;
            long lastBefore = World.T0;
            for (long a : articles) {
                if (a < outlet.outageStart) {
                    lastBefore = a;
                }
            }
            long oracleAt = outlet.reaches(lastBefore, Math.log(outlet.perDay() / BUDGET), outlet.outageEnd);
            if (oracleAt <= outlet.outageEnd) {
                result.detectable[outlet.outage.ordinal()][outlet.band.ordinal()]++;
                if (outlet.outage == Outage.DAY) {
                    result.oracleTimed.add(Timed.of(outlet, Math.max(0, oracleAt - outlet.outageStart)));
                }
            }
        }
    }

    /** The goal's delay for an outage: twice the outlet's expected gap at the hour it went dark, plus an hour. */
    private static double withinTwoGapsAndAnHour(Outlet outlet) {
        return 2 * outlet.meanGapMs / outlet.shape(outlet.outageStart) + HOUR;
    }

    /** One simulated outlet: its rhythm and its outage. */
    static final class Outlet {
        final double meanGapMs;
        final Band band;
        final double depth;
        final double peakHour;
        final double weekend;
        final int maxBatch;
        final Outage outage;
        final long outageStart;
        final long outageEnd;
        final long scoredFrom;
        final long end;

        private Outlet(double meanGapMs, double depth, double peakHour, double weekend, int maxBatch, Outage outage,
                       long outageStart, long outageEnd, long scoredFrom, long end) {
            this.meanGapMs = meanGapMs;
            this.band = Band.of(meanGapMs);
            this.depth = depth;
            this.peakHour = peakHour;
            this.weekend = weekend;
            this.maxBatch = maxBatch;
            this.outage = outage;
            this.outageStart = outageStart;
            this.outageEnd = outageEnd;
            this.scoredFrom = scoredFrom;
            this.end = end;
        }

        static Outlet draw(RandomGenerator r, int index, int days, int warmupDays) {
            double meanGap = MINUTE * Math.exp(Sampling.uniform(r, Math.log(5), Math.log(480)));
            double depth = Sampling.uniform(r, 0.3, 0.9);
            double peak = Sampling.uniform(r, 12, 18);
            double weekend = Sampling.uniform(r, 0.4, 1.0);
            int maxBatch = r.nextDouble() < 1 / 3.0 ? 4 : 1;
            long scoredFrom = World.T0 + warmupDays * DAY;
            long end = World.T0 + days * DAY;
            Outage kind = switch (index % 6) {
                case 2, 3 -> Outage.DAY;
                case 4 -> Outage.NIGHT;
                case 5 -> Outage.FOR_GOOD;
                default -> Outage.NONE;
            };
            long length = (long) (Sampling.uniform(r, 6, 48) * HOUR);
            long day = scoredFrom + (long) Math.floor(r.nextDouble() * (days - warmupDays - 3)) * DAY;
            long start = switch (kind) {
                case DAY -> day + (long) (Sampling.uniform(r, 8, 12) * HOUR);
                case NIGHT -> day + (long) (Sampling.uniform(r, 20, 23) * HOUR);
                case FOR_GOOD -> scoredFrom + (long) (r.nextDouble() * (end - scoredFrom - 2 * DAY));
                case NONE -> -1;
            };
            long stop = switch (kind) {
                case DAY, NIGHT -> start + length;
                case FOR_GOOD -> end;
                case NONE -> -1;
            };
            return new Outlet(meanGap, depth, peak, weekend, maxBatch, kind, start, stop, scoredFrom, end);
        }

        /** The outlet's rate at {@code t} against its average: 1 - depth at night's trough, 1 + depth at its peak. */
        double shape(long t) {
            double hour = (double) Math.floorMod(t - World.T0, DAY) / HOUR;
            long day = Math.floorDiv(t - World.T0, DAY) % 7;
            return (1 + depth * Math.cos((hour - peakHour) / 24 * 2 * Math.PI)) * (day >= 5 ? weekend : 1.0);
        }

        /** When the publications expected at its true rate since {@code from} reach {@code target}; MAX_VALUE if not by {@code until}. */
        long reaches(long from, double target, long until) {
            double e = 0;
            for (long t = from; t < until; t += MINUTE) {
                e += shape(t) * MINUTE / meanGapMs;
                if (e >= target) {
                    return t + MINUTE;
                }
            }
            return Long.MAX_VALUE;
        }

        /** Publications on an average day of the week. */
        double perDay() {
            return DAY / meanGapMs * (5 + 2 * weekend) / 7;
        }

        /** Its articles (thinning of a Poisson process), none during the outage; a batch shares one minute. */
        List<Long> articles(RandomGenerator r) {
            List<Long> out = new ArrayList<>();
            double peak = 1 + depth;
            long t = World.T0;
            while (true) {
                t += Sampling.exponentialMs(r, meanGapMs / peak);
                if (t >= end) {
                    return out;
                }
                if (r.nextDouble() > shape(t) / peak || (outage != Outage.NONE && t >= outageStart && t < outageEnd)) {
                    continue;
                }
                int batch = Sampling.uniformInt(r, 1, maxBatch);
                for (int i = 0; i < batch; i++) {
                    out.add(t + i * 1_000L);
                }
            }
        }
    }

    /**
     * The previous rule, kept as the baseline: silent after max(6 × the EWMA of gaps, 2.5 × the longest recent
     * normal gap, 6 h), raised at the check that sees it.
     */
    static final class GapRule implements Detector<double[]> {
        // state: lastSeenAt, meanGap, longGap, articles, silent (0/1)
        @Override
        public Step<double[]> onArticle(double[] s, long at) {
            double[] n = s == null ? new double[] {Double.NaN, Double.NaN, 0, 0, 0} : s.clone();
            Optional<AlertChange> change = Optional.empty();
            if (!Double.isNaN(n[0])) {
                if (at <= n[0]) {
                    return new Step<>(n, change);
                }
                double gap = at - n[0];
                if (n[4] == 0 && !(trusted(n) && gap > threshold(n))) {
                    double g = Math.min(gap, 7 * DAY);
                    n[1] = Double.isNaN(n[1]) ? g : n[1] + (1 - Math.pow(0.5, 1 / 20.0)) * (g - n[1]);
                    n[2] = Math.max(g, n[2] * Math.pow(0.9, gap / DAY));
                }
                if (n[4] == 1) {
                    change = Optional.of(alert(AlertStatus.RESOLVED, at));
                }
            }
            n[0] = at;
            n[3]++;
            n[4] = 0;
            return new Step<>(n, change);
        }

        @Override
        public Step<double[]> check(double[] s, long now) {
            if (s == null || s[4] == 1 || !trusted(s) || now - s[0] <= threshold(s)) {
                return new Step<>(s, Optional.empty());
            }
            double[] n = s.clone();
            n[4] = 1;
            return new Step<>(n, Optional.of(alert(AlertStatus.OPEN, now)));
        }

        private static boolean trusted(double[] s) {
            return s[3] >= 10 && !Double.isNaN(s[1]);
        }

        private static double threshold(double[] s) {
            return Math.max(6 * HOUR, Math.max(6 * s[1], 2.5 * s[2]));
        }

        private static AlertChange alert(AlertStatus status, long at) {
            return new AlertChange("gap", 0, "source:sim", status, null, null, 0, at, at, 0, 0, 0, 1, "", "");
        }
    }

    private SilenceEvaluation() {
    }
}
