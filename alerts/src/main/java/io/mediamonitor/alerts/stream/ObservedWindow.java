package io.mediamonitor.alerts.stream;

import io.mediamonitor.model.MentionCount;

/** A term's window count joined with the whole volume of the same window (NaN when not yet known). */
record ObservedWindow(MentionCount count, double totalVolume) {
}
