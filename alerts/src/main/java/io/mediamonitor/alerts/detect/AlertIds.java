package io.mediamonitor.alerts.detect;

import io.mediamonitor.schema.StableIds;

/** Stable alert ids: one burst keeps one id from OPEN to RESOLVED, across restarts and replays. */
public final class AlertIds {

    private AlertIds() {
    }

    /** The id of the alert a term opened in the window starting at {@code windowStart} (epoch ms). */
    public static String of(String term, long windowStart) {
        // 128 bits: collisions are out of reach for any realistic number of bursts
        return StableIds.of(term + '\u0000' + windowStart);
    }
}
