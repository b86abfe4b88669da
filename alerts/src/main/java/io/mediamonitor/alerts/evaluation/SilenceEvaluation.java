package io.mediamonitor.alerts.evaluation;

import io.mediamonitor.alerts.detect.SilenceConfig;
import io.mediamonitor.alerts.detect.SilenceDetector;
import io.mediamonitor.alerts.detect.SourceRhythm;
import io.mediamonitor.model.AlertStatus;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

import java.util.ArrayList;
import java.util.List;

/**
 * Feeds with rhythms from one article every 5 minutes to one every 8 hours (a Poisson process following
 * the world's daily and weekly rhythm); two in three go dark once, for 12 to 72 hours, then resume.
 */
final class SilenceEvaluation {

    /**
     * @param sources        simulated feeds
     * @param outages        injected outages
     * @param found          outages alerted on while they lasted
     * @param falseAlerts    silence alerts outside an outage
     * @param sourceDays     feed-days scored
     * @param medianDelayH   median hours from the last article before the outage to the alert
     * @param resolved       alerts resolved when the feed resumed
     */
    record Result(int sources, int outages, int found, int falseAlerts, double sourceDays, double medianDelayH,
                  int resolved) {
    }

    static Result run(long seed, int days, int warmupDays, int sources) {
        RandomGenerator r = new Well19937c(seed ^ 0x5157L);
        SilenceDetector detector = new SilenceDetector(SilenceConfig.defaults());
        long end = World.T0 + days * World.DAY;
        long scoredFrom = World.T0 + warmupDays * World.DAY;
        int outages = 0;
        int found = 0;
        int falseAlerts = 0;
        int resolved = 0;
        List<Double> delays = new ArrayList<>();
        for (int s = 0; s < sources; s++) {
            double gap = World.MINUTE * Math.exp(Sampling.uniform(r, Math.log(5), Math.log(480)));
            boolean dark = s % 3 != 0;
            long length = (long) (Sampling.uniform(r, 12, 72) * World.HOUR);
            long outageStart = dark ? scoredFrom + (long) (r.nextDouble() * (end - scoredFrom - length - World.DAY)) : -1;
            long outageEnd = dark ? outageStart + length : -1;
            outages += dark ? 1 : 0;
            String term = "feed:sim-" + s;
            SourceRhythm state = null;
            boolean caught = false;
            boolean openedScored = false;
            long lastBeforeOutage = Long.MIN_VALUE;
            long next = nextArticle(r, World.T0, gap);
            for (long t = World.T0; t < end; t += 10 * World.MINUTE) {
                while (next <= t) {
                    if (!(dark && next >= outageStart && next < outageEnd)) {
                        SilenceDetector.Step step = detector.onArticle(term, state, next);
                        state = step.state();
                        if (step.change().isPresent() && step.change().get().status() == AlertStatus.RESOLVED
                                && openedScored) {
                            resolved++; // like the other figures: alerts raised on scored days only
                            openedScored = false;
                        }
                        if (!dark || next < outageStart) {
                            lastBeforeOutage = next;
                        }
                    }
                    next = nextArticle(r, next, gap);
                }
                SilenceDetector.Step step = detector.check(term, state, t);
                state = step.state();
                if (step.change().isPresent() && t >= scoredFrom) {
                    openedScored = true;
                    boolean inOutage = dark && t >= outageStart && t <= outageEnd + 10 * World.MINUTE;
                    if (inOutage && !caught) {
                        caught = true;
                        found++;
                        delays.add((t - lastBeforeOutage) / (double) World.HOUR);
                    } else if (!inOutage) {
                        falseAlerts++;
                    }
                }
            }
        }
        return new Result(sources, outages, found, falseAlerts, (double) sources * (days - warmupDays),
                Tally.quantile(delays, 0.5), resolved);
    }

    /** Next article of a Poisson process whose rate follows the world's rhythm (thinning). */
    private static long nextArticle(RandomGenerator r, long after, double meanGap) {
        double peak = 1.7;
        long t = after;
        do {
            t += Sampling.exponentialMs(r, meanGap / peak);
        } while (r.nextDouble() > World.rhythm(t) / peak);
        return t;
    }

    private SilenceEvaluation() {
    }
}
