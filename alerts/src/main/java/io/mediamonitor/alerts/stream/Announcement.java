package io.mediamonitor.alerts.stream;

import io.mediamonitor.model.AlertStatus;

/**
 * Which of an alert's records people are told of. Every term's detector runs, watched or not, so its baseline is
 * ready when someone watches it; an alert opened while its term was not watched stays silent to the end, and one
 * people were told of is seen to its end: its RESOLVED goes out even when the term was disabled in between.
 */
final class Announcement {

    private Announcement() {
    }

    /**
     * Whether a record of the alert goes out.
     *
     * @param status    the record's status
     * @param watched   whether the term is watched now
     * @param announced whether its OPEN went out; null for an alert opened before this was kept, judged by
     *                  {@code watched} alone as it was then
     */
    static boolean told(AlertStatus status, boolean watched, Boolean announced) {
        if (status == AlertStatus.OPEN) {
            return watched;
        }
        if (announced == null) {
            return watched;
        }
        // a disabled term is not updated any more, but an alert people were told of is closed
        return announced && (watched || status == AlertStatus.RESOLVED);
    }
}
