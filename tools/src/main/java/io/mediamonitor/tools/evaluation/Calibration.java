package io.mediamonitor.tools.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tunes a baseline's threshold on the tuning world: the lowest threshold whose false alarms per term-day
 * stay within the budget. Baselines learn the same whatever their threshold (they never freeze), so one
 * traced run per term, replayed at each candidate threshold, is exact up to the 10-minute bucket.
 */
final class Calibration {

    /** One traced term: its scenario and highest score per bucket. */
    record Traced(TermScenario scenario, double[] buckets) {
    }

    private final List<Traced> terms = new ArrayList<>();
    private final ScoredBaseline baseline;
    private final long origin;
    private final long scoredFrom;
    private final long end;
    private final long advance;

    Calibration(ScoredBaseline baseline, long origin, long scoredFrom, long end, long advance) {
        this.baseline = baseline;
        this.origin = origin;
        this.scoredFrom = scoredFrom;
        this.end = end;
        this.advance = advance;
    }

    void add(TermScenario scenario, double[] buckets) {
        terms.add(new Traced(scenario, buckets));
    }

    Tally tally(double threshold) {
        Tally t = new Tally();
        for (Traced term : terms) {
            t.add(term.scenario(), baseline.opensAt(term.buckets(), origin, threshold), scoredFrom, end, advance);
        }
        return t;
    }

    /** The lowest threshold within budget (false alarms fall as the threshold rises). */
    double tune(double budget) {
        double[] candidates = terms.stream()
                .flatMapToDouble(t -> Arrays.stream(t.buckets()).filter(Double::isFinite))
                .distinct().sorted().toArray();
        if (candidates.length == 0) {
            return baseline.threshold();
        }
        int lo = 0;
        int hi = candidates.length - 1;
        if (tally(candidates[hi]).falseAlarmsPerTermDay() > budget) {
            return Math.nextUp(candidates[hi]); // nothing fits: alert on nothing
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tally(candidates[mid]).falseAlarmsPerTermDay() <= budget) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return candidates[lo];
    }
}
