package io.mediamonitor.alerts.detect;

import io.mediamonitor.model.AlertKind;
import io.mediamonitor.model.Severity;

import java.util.Arrays;
import java.util.Objects;

/**
 * Everything the detector remembers about one term: a handful of doubles for the baseline, five floats for its
 * own daily rhythm, a ring of the window slots that are not closed yet, and the lifecycle of the current alert.
 * Immutable; small enough for a state store ({@link TermStateCodec}, under 300 bytes).
 *
 * <p>Baseline: exponentially discounted sufficient statistics of a Gamma-Poisson model over closed windows,
 * one per window advance: {@code stories} (scored counts), {@code exposure} (total article volume of those
 * windows, or window count when volumes are unknown), and the method-of-moments sums for the extra-Poisson dispersion
 * ({@code excessVariance} = sum of (count - mean)^2 - mean, {@code meanSquares} = sum of mean^2).
 *
 * @param stories          discounted sum of scored counts of closed windows
 * @param exposure         discounted sum of total volumes of closed windows (1 per window when unknown)
 * @param excessVariance   discounted sum of (count - expected)^2 - expected
 * @param meanSquares      discounted sum of expected^2
 * @param sources          discounted sum of distinct sources of closed windows (the breadth baseline)
 * @param sourcesExcessVariance discounted sum of (sources - expected)^2 - expected
 * @param sourcesMeanSquares    discounted sum of expected sources^2
 * @param volumeMean       EWMA of total volume per window, NaN until a volume was seen
 * @param cusum            sustained-rise CUSUM (natural-log likelihood ratio), over hourly aligned windows
 * @param recovery         while a sustained-rise alert is open: CUSUM of the evidence for "back to normal"
 * @param lastResidual     standardized residual of the last hourly window (for the autocorrelation)
 * @param residualLag      EWMA of the product of consecutive hourly residuals: lag-1 autocorrelation
 * @param foldedUpTo       start of the last window slot folded into the baseline, or {@link Long#MIN_VALUE}
 * @param streamTime       latest event time seen for this term (epoch ms)
 * @param ringCounts       scored counts of the open slots after {@code foldedUpTo}, -1 when never observed
 * @param ringSources      distinct sources of those slots
 * @param ringVolumes      estimated full-window total volume of those slots, NaN when unknown
 * @param phase            alert lifecycle phase
 * @param alertWindowStart start of the window that opened the current (or last) alert
 * @param alertKind        kind of that alert, null when none ever
 * @param severity         its current severity, null when none ever
 * @param revision         its last revision
 * @param peakObserved     highest count reported for it
 * @param lastElevatedAt   last event time the term was still above normal while the alert was active
 * @param quietWindows     consecutive closed windows back to normal since then
 * @param resolvedAt       when it was resolved (event time), or {@link Long#MIN_VALUE}
 * @param rhythm           the term's own daily rhythm against the stream's
 */
public record TermState(double stories, double exposure, double excessVariance, double meanSquares,
                        double sources, double sourcesExcessVariance, double sourcesMeanSquares,
                        double volumeMean, double cusum, double recovery, double lastResidual, double residualLag, long foldedUpTo, long streamTime,
                        int[] ringCounts, int[] ringSources, float[] ringVolumes,
                        AlertPhase phase, long alertWindowStart, AlertKind alertKind, Severity severity,
                        int revision, int peakObserved, long lastElevatedAt, int quietWindows, long resolvedAt,
                        DailyRhythm rhythm) {

    /** Where a term's alert stands. */
    public enum AlertPhase {
        /** No alert, none resolved within the cooldown. */
        NONE,
        /** An alert is open (OPEN, ESCALATED or UPDATED). */
        ACTIVE,
        /** Resolved recently: a new trigger within the cooldown reopens the same alert id. */
        COOLING
    }

    public TermState {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(rhythm, "rhythm");
        if (ringCounts.length != ringSources.length || ringCounts.length != ringVolumes.length) {
            throw new IllegalArgumentException("ring arrays differ in length");
        }
    }

    /** A term never seen: only the prior, no history. */
    public static TermState initial(DetectorConfig config) {
        int slots = config.ringSlots();
        int[] counts = new int[slots];
        Arrays.fill(counts, -1);
        float[] volumes = new float[slots];
        Arrays.fill(volumes, Float.NaN);
        return new TermState(0, 0, 0, 0, 0, 0, 0, Double.NaN, 0, 0, 0, 0, Long.MIN_VALUE, Long.MIN_VALUE,
                counts, new int[slots], volumes, AlertPhase.NONE, Long.MIN_VALUE, null, null, 0, 0,
                Long.MIN_VALUE, 0, Long.MIN_VALUE, DailyRhythm.NONE);
    }

    public boolean alertActive() {
        return phase == AlertPhase.ACTIVE;
    }

    /** Whether the term has any history beyond the prior. */
    public boolean seen() {
        return foldedUpTo != Long.MIN_VALUE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TermState t
                && Double.compare(stories, t.stories) == 0 && Double.compare(exposure, t.exposure) == 0
                && Double.compare(excessVariance, t.excessVariance) == 0
                && Double.compare(meanSquares, t.meanSquares) == 0
                && Double.compare(sources, t.sources) == 0
                && Double.compare(sourcesExcessVariance, t.sourcesExcessVariance) == 0
                && Double.compare(sourcesMeanSquares, t.sourcesMeanSquares) == 0
                && Double.compare(volumeMean, t.volumeMean) == 0 && Double.compare(cusum, t.cusum) == 0
                && Double.compare(recovery, t.recovery) == 0
                && Double.compare(lastResidual, t.lastResidual) == 0 && Double.compare(residualLag, t.residualLag) == 0
                && foldedUpTo == t.foldedUpTo && streamTime == t.streamTime
                && Arrays.equals(ringCounts, t.ringCounts) && Arrays.equals(ringSources, t.ringSources)
                && Arrays.equals(ringVolumes, t.ringVolumes)
                && phase == t.phase && alertWindowStart == t.alertWindowStart && alertKind == t.alertKind
                && severity == t.severity && revision == t.revision && peakObserved == t.peakObserved
                && lastElevatedAt == t.lastElevatedAt && quietWindows == t.quietWindows
                && resolvedAt == t.resolvedAt && rhythm.equals(t.rhythm);
    }

    @Override
    public int hashCode() {
        return Objects.hash(stories, exposure, excessVariance, meanSquares, sources, sourcesExcessVariance,
                sourcesMeanSquares, volumeMean, cusum, recovery, lastResidual, residualLag, foldedUpTo,
                streamTime, Arrays.hashCode(ringCounts), Arrays.hashCode(ringSources),
                Arrays.hashCode(ringVolumes), phase, alertWindowStart, alertKind, severity, revision,
                peakObserved, lastElevatedAt, quietWindows, resolvedAt, rhythm);
    }

    @Override
    public String toString() {
        return "TermState[stories=" + stories + ", exposure=" + exposure + ", excessVariance=" + excessVariance
                + ", meanSquares=" + meanSquares + ", volumeMean=" + volumeMean + ", cusum=" + cusum
                + ", foldedUpTo=" + foldedUpTo + ", streamTime=" + streamTime
                + ", ringCounts=" + Arrays.toString(ringCounts) + ", phase=" + phase
                + ", alertWindowStart=" + alertWindowStart + ", kind=" + alertKind + ", severity=" + severity
                + ", revision=" + revision + ", peak=" + peakObserved + "]";
    }
}
