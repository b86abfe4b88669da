package io.mediamonitor.alerts.detect;

import io.mediamonitor.model.Severity;

/**
 * Severity from how surprising the count is and how many distinct sources carry it: a wildly improbable
 * count from three outlets stays modest, breadth across outlets is what makes an event big.
 */
public final class SeverityPolicy {

    private SeverityPolicy() {
    }

    public static Severity of(double score, int sources, DetectorConfig c) {
        double t = c.spikeScore();
        if (score >= t + 9 && sources >= 12) {
            return Severity.CRITICAL;
        }
        if (score >= t + 5 && sources >= 8) {
            return Severity.HIGH;
        }
        if (score >= t + 2 && sources >= 5) {
            return Severity.MEDIUM;
        }
        return Severity.LOW;
    }
}
