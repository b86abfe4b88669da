package io.mediamonitor.alerts.stream;

import io.mediamonitor.model.MentionCount;

/** A term's window count joined with the whole stream's count of the same window (null when not yet known). */
record ObservedWindow(MentionCount count, MentionCount total) {
}
