package io.mediamonitor.tools.evaluation;

import io.mediamonitor.alerts.detect.WindowObservation;

import java.util.List;

/** A detector under evaluation, fed exactly like the topology feeds ours: window updates and clock ticks. */
public interface Candidate {

    String name();

    /**
     * A fresh run for one term watched since {@code watchedSince}. The scenario carries the term's truth, which
     * only the oracles read: every other detector sees nothing but the window updates and the clock.
     */
    TermRun start(TermScenario term, long watchedSince);

    /** One term's detector. */
    interface TermRun {
        /** Alerts opened by this update (ids of new alerts only). */
        List<Opened> observe(WindowObservation observation);

        /** The clock moved (punctuator). */
        List<Opened> tick(long streamTime);
    }

    /**
     * A new alert id.
     *
     * @param alertId id
     * @param at      event time that raised it
     */
    record Opened(String alertId, long at) {
    }
}
