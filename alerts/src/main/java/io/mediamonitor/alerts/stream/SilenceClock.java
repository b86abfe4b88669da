package io.mediamonitor.alerts.stream;

/** Which clock judges whether a source has gone silent. */
public enum SilenceClock {
    /**
     * A live job: the wall clock, from ten minutes after the start, which a backlog read at start-up usually
     * takes to be caught up with; while records still arrive, no further than the fetch time they have reached (a
     * longer backlog is judged as far as it has been read). Publication time would not do here: a source's
     * articles are spread over the enriched topic's partitions and reach the watcher out of publication order, so
     * while other sources move it on, the source's articles still on their way look like a gap (a backlog read
     * at start-up raised silences that its own later records closed).
     */
    WALL_CLOCK,
    /**
     * A replay in publication order, as the backtest runs one (its articles fetched when published): stream time,
     * so a replay sees outages too.
     */
    STREAM_TIME
}
