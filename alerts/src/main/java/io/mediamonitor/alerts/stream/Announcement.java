package io.mediamonitor.alerts.stream;

import io.mediamonitor.model.AlertStatus;

/**
 * Which of an alert's records people are told of. Every term's detector runs, watched or not, so its baseline is
 * ready when someone watches it; an alert opened while its term was not watched stays silent to its end (a new burst
 * within the cooldown reopens that same alert), and one people were told of is seen to its end: its RESOLVED goes
 * out even when the term was disabled in between, and once.
 */
final class Announcement {

    /** What people last heard of a term's alert, kept in the detector's store as its ordinal. */
    enum Heard {
        /** Its OPEN was not told: the alert is silent. */
        NOTHING,
        /** That it is open (or was updated). */
        OPEN,
        /** That it resolved. */
        RESOLVED
    }

    private Announcement() {
    }

    /**
     * Whether a record of the alert goes out.
     *
     * @param status  the record's status
     * @param watched whether the term is watched now
     * @param heard   what people last heard of this alert; null for an alert opened before this was kept, judged by
     *                {@code watched} alone as it was then
     */
    static boolean told(AlertStatus status, boolean watched, Heard heard) {
        if (status == AlertStatus.OPEN || heard == null) {
            return watched;
        }
        return switch (heard) {
            case NOTHING -> false;
            // people who were told it opened hear that it ended, disabled or not, and once
            case OPEN -> status == AlertStatus.RESOLVED || watched;
            // resolved, as far as people know: a reopening is news if the term is watched, a RESOLVED is not
            case RESOLVED -> status != AlertStatus.RESOLVED && watched;
        };
    }

    /** What people have heard after a record: its status if it was told, else what they had heard. */
    static Heard after(AlertStatus status, boolean told, Heard heard) {
        if (status == AlertStatus.OPEN) {
            return told ? Heard.OPEN : Heard.NOTHING;
        }
        if (!told) {
            return heard;
        }
        return status == AlertStatus.RESOLVED ? Heard.RESOLVED : Heard.OPEN;
    }
}
