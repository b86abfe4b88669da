package io.mediamonitor.app.dashboard;

import java.time.Duration;

/** Durations as people write them in a legend: "24 h", "10 min", "7 d". */
final class Durations {

    private Durations() {
    }

    static String human(Duration duration) {
        long seconds = duration.toSeconds();
        // "24 h" reads better than "1 d"; whole days from two days on
        if (seconds >= 2 * 86_400 && seconds % 86_400 == 0) {
            return seconds / 86_400 + " d";
        }
        if (seconds != 0 && seconds % 3_600 == 0) {
            return seconds / 3_600 + " h";
        }
        if (seconds != 0 && seconds % 60 == 0) {
            return seconds / 60 + " min";
        }
        return seconds + " s";
    }
}
