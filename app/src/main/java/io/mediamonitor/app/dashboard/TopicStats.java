package io.mediamonitor.app.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Topic throughput and consumer-group lag, as the dashboard shows them. */
public interface TopicStats {

    Report report();

    /** @param perSecond records appended per second over the last minute, null until two samples exist */
    record Throughput(String topic, int partitions, long endOffsets, Double perSecond) {
    }

    /** @param lagByTopic records committed-behind per topic (end offset minus committed offset, summed) */
    record GroupLag(String group, String state, long lag, Map<String, Long> lagByTopic) {
    }

    /** @param error why the last sample failed, null when it succeeded */
    record Report(Instant sampledAt, List<Throughput> topics, List<GroupLag> groups, String error) {

        public static Report empty(String error) {
            return new Report(null, List.of(), List.of(), error);
        }
    }
}
