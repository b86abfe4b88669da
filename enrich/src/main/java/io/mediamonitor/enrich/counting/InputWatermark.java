package io.mediamonitor.enrich.counting;

import java.util.HashMap;
import java.util.Map;

/**
 * The event time every input has reached: what windows close by. Kafka Streams' stream time is the newest
 * publication time a task has seen, but the story task reads what the raw topic's partitions bring through one
 * repartition topic, written by a task per partition that each run at their own pace: a job started behind a
 * backlog may take one partition's whole day before another's first article, and judged by the newest time, the
 * others' history would be later than the lateness. So, as stream processors with several inputs do (the
 * watermark of Flink and Beam), the time is the least of the newest times each input has brought, with bounds:
 * <ul>
 *   <li>until each of the {@code expected} inputs has come, or for {@code idleMs} of processing time after the
 *       start if fewer come, one not seen yet may still come, and holds it back;</li>
 *   <li>an input that has brought nothing for {@code idleMs} is left out (a quiet partition would hold it back for
 *       ever); a time longer than that in which no input brought anything (the task stalled: a broker outage, a
 *       rebalance; or nothing was published) is no input's silence, so after a stall in a backlog a partition behind
 *       the others still holds it back;</li>
 *   <li>it is never further than {@code maxLagMs} behind the newest time seen (the stores keep that much beyond
 *       the lateness, and the repeat filter remembers ids that much beyond the last window a copy of their story
 *       counts in), and never moves back.</li>
 * </ul>
 * An input without a number ({@link #UNNAMED}: records written before inputs were named, or piped by a test) is
 * the only one: the watermark is then the newest time seen.
 */
public final class InputWatermark {

    public static final int UNNAMED = -1;

    private final long idleMs;
    private final long maxLagMs;
    private final long startedMs;
    private final int expected;
    private final Map<Integer, Input> inputs = new HashMap<>();
    private long newest = Long.MIN_VALUE;
    private long watermark;
    /** Processing time of the last article of any input. */
    private long lastObservedMs = Long.MIN_VALUE;

    /**
     * @param restored  the watermark kept before a restart, or {@link Long#MIN_VALUE}
     * @param startedMs processing time of the start
     * @param expected  how many inputs there are (the raw topic's partitions), 0 when not known
     */
    public InputWatermark(long idleMs, long maxLagMs, long restored, long startedMs, int expected) {
        if (idleMs <= 0 || maxLagMs < 0) {
            throw new IllegalArgumentException("the idle time must be positive and the lag not negative");
        }
        this.idleMs = idleMs;
        this.maxLagMs = maxLagMs;
        this.watermark = restored;
        this.startedMs = startedMs;
        this.expected = expected;
    }

    /** Input {@code input} brought an article published at {@code eventTime}, processed at {@code nowMs}. */
    public long observe(int input, long eventTime, long nowMs) {
        newest = Math.max(newest, eventTime);
        long reached;
        if (input == UNNAMED) {
            reached = newest;
        } else {
            if (lastObservedMs != Long.MIN_VALUE && nowMs - lastObservedMs > idleMs) {
                // nothing came from any input: the pause is no input's silence
                long pause = nowMs - lastObservedMs;
                inputs.values().forEach(i -> i.lastSeenMs += pause);
            }
            lastObservedMs = Math.max(lastObservedMs, nowMs);
            Input seen = inputs.computeIfAbsent(input, i -> new Input());
            seen.newest = Math.max(seen.newest, eventTime);
            seen.lastSeenMs = nowMs;
            boolean unseenMayCome = (expected <= 0 || inputs.size() < expected) && nowMs - startedMs <= idleMs;
            reached = unseenMayCome ? Long.MIN_VALUE : leastActive(nowMs);
        }
        watermark = Math.max(watermark, Math.max(reached, newest - maxLagMs));
        return watermark;
    }

    private long leastActive(long nowMs) {
        long least = Long.MAX_VALUE;
        for (Input input : inputs.values()) {
            if (nowMs - input.lastSeenMs <= idleMs) {
                least = Math.min(least, input.newest);
            }
        }
        return least;
    }

    public long current() {
        return watermark;
    }

    private static final class Input {
        long newest = Long.MIN_VALUE;
        long lastSeenMs;
    }
}
