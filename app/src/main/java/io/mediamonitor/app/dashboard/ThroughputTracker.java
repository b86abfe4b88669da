package io.mediamonitor.app.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Append rates from successive samples of each topic's end offsets: the rate is the offset growth
 * between the oldest sample still inside the horizon (one minute) and the newest, per second.
 */
public final class ThroughputTracker {

    private record Sample(Instant at, long endOffsets) {
    }

    private final Duration horizon;
    private final Map<String, Deque<Sample>> samples = new HashMap<>();

    public ThroughputTracker(Duration horizon) {
        this.horizon = horizon;
    }

    public synchronized void record(String topic, Instant at, long endOffsets) {
        Deque<Sample> topicSamples = samples.computeIfAbsent(topic, t -> new ArrayDeque<>());
        topicSamples.addLast(new Sample(at, endOffsets));
        // drop the oldest while the next one still reaches back a full horizon
        Instant reach = at.minus(horizon);
        while (topicSamples.size() > 2 && !second(topicSamples).at.isAfter(reach)) {
            topicSamples.removeFirst();
        }
    }

    private static Sample second(Deque<Sample> topicSamples) {
        var it = topicSamples.iterator();
        it.next();
        return it.next();
    }

    /** Records per second since the sample nearest to one horizon ago, or null with fewer than two samples. */
    public synchronized Double perSecond(String topic) {
        Deque<Sample> topicSamples = samples.get(topic);
        if (topicSamples == null || topicSamples.size() < 2) {
            return null;
        }
        Sample newest = topicSamples.getLast();
        Sample oldest = topicSamples.getFirst();
        double seconds = Duration.between(oldest.at, newest.at).toMillis() / 1000.0;
        if (seconds <= 0) {
            return null;
        }
        // end offsets only grow; a drop means the topic was recreated: no meaningful rate
        return Math.max(0, newest.endOffsets - oldest.endOffsets) / seconds;
    }
}
