package io.mediamonitor.alerts.detect;

import io.mediamonitor.model.AlertKind;
import io.mediamonitor.model.Severity;

/** Mutable copy of a {@link TermState} for the length of one detector step; never escapes it. */
final class WorkingState {
    double stories;
    double exposure;
    double excessVariance;
    double meanSquares;
    double sources;
    double sourcesExcessVariance;
    double sourcesMeanSquares;
    double volumeMean;
    double cusum;
    double recovery;
    double lastResidual;
    double residualLag;
    long foldedUpTo;
    long streamTime;
    final int[] ringCounts;
    final int[] ringSources;
    final float[] ringVolumes;
    TermState.AlertPhase phase;
    long alertWindowStart;
    AlertKind alertKind;
    Severity severity;
    int revision;
    int peakObserved;
    long lastElevatedAt;
    int quietWindows;
    long resolvedAt;
    DailyRhythm rhythm;
    /** What this step learned, window by window: the step's output, not part of the state. */
    final java.util.List<LearnedWindow> learned = new java.util.ArrayList<>(1);

    WorkingState(TermState s) {
        stories = s.stories();
        exposure = s.exposure();
        excessVariance = s.excessVariance();
        meanSquares = s.meanSquares();
        sources = s.sources();
        sourcesExcessVariance = s.sourcesExcessVariance();
        sourcesMeanSquares = s.sourcesMeanSquares();
        volumeMean = s.volumeMean();
        cusum = s.cusum();
        recovery = s.recovery();
        lastResidual = s.lastResidual();
        residualLag = s.residualLag();
        foldedUpTo = s.foldedUpTo();
        streamTime = s.streamTime();
        ringCounts = s.ringCounts().clone();
        ringSources = s.ringSources().clone();
        ringVolumes = s.ringVolumes().clone();
        phase = s.phase();
        alertWindowStart = s.alertWindowStart();
        alertKind = s.alertKind();
        severity = s.severity();
        revision = s.revision();
        peakObserved = s.peakObserved();
        lastElevatedAt = s.lastElevatedAt();
        quietWindows = s.quietWindows();
        resolvedAt = s.resolvedAt();
        rhythm = s.rhythm();
    }

    TermState freeze() {
        return new TermState(stories, exposure, excessVariance, meanSquares, sources, sourcesExcessVariance,
                sourcesMeanSquares, volumeMean, cusum, recovery, lastResidual, residualLag, foldedUpTo,
                streamTime, ringCounts, ringSources, ringVolumes, phase, alertWindowStart, alertKind, severity,
                revision, peakObserved, lastElevatedAt, quietWindows, resolvedAt, rhythm);
    }

    boolean seen() {
        return foldedUpTo != Long.MIN_VALUE;
    }

    boolean alertActive() {
        return phase == TermState.AlertPhase.ACTIVE;
    }

    /** Drops slot 0 of the ring (just folded) and opens an empty slot at the end. */
    void shiftRing() {
        int last = ringCounts.length - 1;
        System.arraycopy(ringCounts, 1, ringCounts, 0, last);
        System.arraycopy(ringSources, 1, ringSources, 0, last);
        System.arraycopy(ringVolumes, 1, ringVolumes, 0, last);
        ringCounts[last] = -1;
        ringSources[last] = 0;
        ringVolumes[last] = Float.NaN;
    }

    boolean ringEmpty() {
        for (int c : ringCounts) {
            if (c >= 0) {
                return false;
            }
        }
        return true;
    }
}
