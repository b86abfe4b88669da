package io.mediamonitor.tools.evaluation;

/**
 * Something the generator put in a term's stream on purpose, with the truth the scoring needs.
 *
 * @param kind         what it is
 * @param start        first article, epoch ms
 * @param end          last article, epoch ms
 * @param detectableAt when its own articles first reach the guard minimum (3 stories from 3 sources), or
 *                     {@link Long#MAX_VALUE} if never
 * @param sources      distinct sources among its articles
 */
public record InjectedEvent(Kind kind, long start, long end, long detectableAt, int sources) {

    /** Bursts to find and traps to ignore. */
    public enum Kind {
        /** Many new stories from many outlets within an hour. */
        SPIKE(true),
        /** The rate doubles (busy terms) or a rare term gets a few stories an hour, for hours. */
        STEP(true),
        /** The rate climbs for hours. */
        RAMP(true),
        /** The rate doubles for good: one alert is right, more are noise. */
        PERMANENT_DOUBLING(true),
        /** One outlet publishes one story 10-30 times within an hour. */
        SINGLE_OUTLET(false),
        /** One outlet publishes 10-30 distinct stories within an hour on its own (a live blog). */
        LIVE_BLOG(false),
        /** One wire story carried by 10-30 outlets: one story, so not a burst. */
        WIRE(false),
        /** A feed catches up: articles of the last hours arrive at once, late. */
        LATE_BATCH(false);

        private final boolean positive;

        Kind(boolean positive) {
            this.positive = positive;
        }

        public boolean positive() {
            return positive;
        }
    }
}
