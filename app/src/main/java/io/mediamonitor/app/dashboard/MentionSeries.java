package io.mediamonitor.app.dashboard;

import io.mediamonitor.model.Alert;
import io.mediamonitor.model.MentionCount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One term's mention counts as a dense series (windows without mentions are zeros) with the
 * baseline drawn beside it. The baseline of a window is the {@code expected} count of an alert
 * raised on that very window when there is one (what the detector compared against); otherwise
 * the mean count of the windows in the trailing span that ended before this window began, empty
 * windows included, so a spike never inflates its own baseline.
 */
public final class MentionSeries {

    /** Points per series at most: 30 days of 10-minute windows fit. */
    static final int MAX_POINTS = 10_000;

    public static final String FROM_ALERT = "alert";
    public static final String FROM_TRAILING_MEAN = "trailing-mean";

    /** One window of the chart. */
    public record Point(Instant windowStart, Instant windowEnd, int stories, int articles, int sources,
                        double expected, String expectedFrom) {
    }

    /** The chart of one term: the points, and how the baseline was computed in words for the legend. */
    public record Series(String term, Instant from, Instant to, long windowSeconds, long stepSeconds,
                         String baseline, List<Point> points) {
    }

    private final Duration windowSize;
    private final Duration step;
    private final Duration trailingSpan;

    /**
     * @param windowSize   length of a count window (enrich's window size)
     * @param step         distance between consecutive window starts (enrich's window advance)
     * @param trailingSpan how far back the trailing mean looks
     */
    public MentionSeries(Duration windowSize, Duration step, Duration trailingSpan) {
        if (step.isZero() || step.isNegative() || windowSize.compareTo(step) < 0) {
            throw new IllegalArgumentException("need 0 < step <= window size, got " + step + " / " + windowSize);
        }
        this.windowSize = windowSize;
        this.step = step;
        this.trailingSpan = trailingSpan;
    }

    /** The earliest window start the counts must cover for the baseline of a chart starting at {@code from}. */
    public Instant historyStart(Instant from) {
        return from.minus(trailingSpan).minus(windowSize);
    }

    public String baselineDescription() {
        return "baseline: the alert's expected count where one fired, else the mean of the previous "
                + Durations.human(trailingSpan) + " of " + Durations.human(windowSize) + " windows";
    }

    /**
     * @param counts the term's counts for windows starting in [{@link #historyStart}, to]
     * @param alerts alerts on the term (any status); their expected count marks their window
     */
    public Series build(String term, Instant from, Instant to, List<MentionCount> counts, List<Alert> alerts) {
        long stepMs = step.toMillis();
        long firstSlot = Math.floorDiv(historyStart(from).toEpochMilli(), stepMs);
        long chartSlot = Math.floorDiv(from.toEpochMilli() + stepMs - 1, stepMs);
        long lastSlot = Math.floorDiv(to.toEpochMilli(), stepMs);
        if (lastSlot - chartSlot + 1 > MAX_POINTS) {
            throw new IllegalArgumentException("range too long: more than " + MAX_POINTS + " windows of "
                    + Durations.human(step));
        }
        int slots = (int) Math.max(0, lastSlot - firstSlot + 1);
        MentionCount[] bySlot = new MentionCount[slots];
        for (MentionCount count : counts) {
            long start = count.getWindowStart().toEpochMilli();
            long slot = Math.floorDiv(start, stepMs);
            if (start % stepMs == 0 && slot >= firstSlot && slot <= lastSlot && term.equals(count.getTerm())) {
                bySlot[(int) (slot - firstSlot)] = count;
            }
        }
        // prefix[i] = stories in slots [0, i)
        long[] prefix = new long[slots + 1];
        for (int i = 0; i < slots; i++) {
            prefix[i + 1] = prefix[i] + (bySlot[i] == null ? 0 : bySlot[i].getStories());
        }
        Map<Instant, Double> alertExpected = new HashMap<>();
        for (Alert alert : alerts) {
            if (term.equals(alert.getTerm())) {
                alertExpected.put(alert.getWindowStart(), alert.getExpected());
            }
        }
        int trailingSlots = (int) Math.max(1, trailingSpan.toMillis() / stepMs);
        int overlapSlots = (int) (windowSize.toMillis() / stepMs);
        List<Point> points = new ArrayList<>();
        for (long slot = Math.max(chartSlot, firstSlot); slot <= lastSlot; slot++) {
            int i = (int) (slot - firstSlot);
            Instant start = Instant.ofEpochMilli(slot * stepMs);
            MentionCount count = bySlot[i];
            Double fromAlert = alertExpected.get(start);
            double expected;
            String source;
            if (fromAlert != null) {
                expected = fromAlert;
                source = FROM_ALERT;
            } else {
                // windows that ended by this window's start: slots (i - overlap - trailing, i - overlap]
                int hi = i - overlapSlots + 1;
                int lo = hi - trailingSlots;
                expected = (double) (prefix[Math.max(0, hi)] - prefix[Math.max(0, lo)]) / trailingSlots;
                source = FROM_TRAILING_MEAN;
            }
            points.add(new Point(start, start.plus(windowSize),
                    count == null ? 0 : count.getStories(),
                    count == null ? 0 : count.getArticles(),
                    count == null ? 0 : count.getSources(),
                    expected, source));
        }
        return new Series(term, from, to, windowSize.toSeconds(), step.toSeconds(), baselineDescription(), points);
    }
}
