package io.mediamonitor.app.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;

/**
 * Throughput and lag read with the Admin client when the dashboard asks, at most once per
 * {@code refreshAfter}: the end offsets of each catalogue topic (their growth over the last minute
 * is the throughput) and, per consumer group, the records between its committed offsets and the ends
 * ({@link RecordLag}; without one, the offsets between them, transaction markers included).
 */
public final class KafkaTopicStats implements TopicStats, AutoCloseable {

    private static final long TIMEOUT_S = 10;

    private final Admin admin;
    private final boolean ownsAdmin;
    private final List<String> catalogue;
    private final Duration refreshAfter;
    private final Clock clock;
    /** Records, or offsets, from committed to end per partition. */
    private final BiFunction<Map<TopicPartition, Long>, Map<TopicPartition, Long>, Map<TopicPartition, Long>> gaps;
    private final ThroughputTracker throughput = new ThroughputTracker(Duration.ofMinutes(1));
    private Report last = Report.empty(null);
    private Instant lastDone;

    public KafkaTopicStats(Admin admin, boolean ownsAdmin, Collection<String> catalogue, Duration refreshAfter,
                           Clock clock) {
        this(admin, ownsAdmin, catalogue, refreshAfter, clock, KafkaTopicStats::offsetGaps);
    }

    /** Lag in records, read by {@code records}, which stays the caller's. */
    public KafkaTopicStats(Admin admin, boolean ownsAdmin, Collection<String> catalogue, Duration refreshAfter,
                           Clock clock, RecordLag records) {
        this(admin, ownsAdmin, catalogue, refreshAfter, clock, records::of);
    }

    private KafkaTopicStats(Admin admin, boolean ownsAdmin, Collection<String> catalogue, Duration refreshAfter,
                            Clock clock, BiFunction<Map<TopicPartition, Long>, Map<TopicPartition, Long>,
                                    Map<TopicPartition, Long>> gaps) {
        this.admin = admin;
        this.ownsAdmin = ownsAdmin;
        this.catalogue = List.copyOf(catalogue);
        this.refreshAfter = refreshAfter;
        this.clock = clock;
        this.gaps = gaps;
    }

    @Override
    public synchronized Report report() {
        // fresh from when the last sample ended, not began: a request that waited for a sample is served that one,
        // rather than start another (with Kafka down each takes the Admin timeout, and the page's polls piled up)
        if (lastDone == null || !lastDone.plus(refreshAfter).isAfter(clock.instant())) {
            last = sample(clock.instant());
            lastDone = clock.instant();
        }
        return last;
    }

    private Report sample(Instant now) {
        try {
            Set<String> existing = get(admin.listTopics().names());
            List<String> names = catalogue.stream().filter(existing::contains).toList();
            Map<String, TopicDescription> descriptions = get(admin.describeTopics(names).allTopicNames());
            List<TopicPartition> partitions = new ArrayList<>();
            descriptions.values().forEach(d -> d.partitions()
                    .forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition()))));
            Map<TopicPartition, Long> ends = endOffsets(partitions);
            List<Throughput> topics = new ArrayList<>();
            for (String name : names) {
                long sum = ends.entrySet().stream().filter(e -> e.getKey().topic().equals(name))
                        .mapToLong(Map.Entry::getValue).sum();
                throughput.record(name, now, sum);
                topics.add(new Throughput(name, descriptions.get(name).partitions().size(), sum,
                        throughput.perSecond(name)));
            }
            return new Report(now, topics, groups(ends), null);
        } catch (ExecutionException e) {
            return new Report(now, last.topics(), last.groups(), String.valueOf(e.getCause().getMessage()));
        } catch (TimeoutException e) {
            return new Report(now, last.topics(), last.groups(), "Kafka did not answer within " + TIMEOUT_S + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Report(now, last.topics(), last.groups(), "interrupted");
        }
    }

    private List<GroupLag> groups(Map<TopicPartition, Long> knownEnds)
            throws ExecutionException, InterruptedException, TimeoutException {
        List<GroupLag> groups = new ArrayList<>();
        for (GroupListing group : get(admin.listGroups().all())) {
            if (group.type().filter(t -> t == GroupType.SHARE).isPresent()) {
                continue; // share groups have no committed offsets to lag behind
            }
            String state = group.groupState().map(Object::toString).orElse("unknown");
            Map<TopicPartition, OffsetAndMetadata> committed;
            try {
                committed = get(admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata());
            } catch (ExecutionException e) {
                // one group we may not read (ACLs, a protocol we do not speak) must not hide the others
                groups.add(new GroupLag(group.groupId(), state + " (offsets unreadable: "
                        + e.getCause().getClass().getSimpleName() + ")", 0, Map.of()));
                continue;
            }
            Map<TopicPartition, Long> ends = new HashMap<>(knownEnds);
            List<TopicPartition> missing = committed.keySet().stream().filter(tp -> !ends.containsKey(tp)).toList();
            ends.putAll(endOffsets(missing));
            Map<TopicPartition, Long> offsets = new HashMap<>();
            committed.forEach((tp, offset) -> {
                if (offset != null) {
                    offsets.put(tp, offset.offset());
                }
            });
            Map<String, Long> lagByTopic = byTopic(gaps.apply(offsets, ends));
            groups.add(new GroupLag(group.groupId(), state,
                    lagByTopic.values().stream().mapToLong(Long::longValue).sum(), lagByTopic));
        }
        groups.sort(Comparator.comparing(GroupLag::group));
        return groups;
    }

    /** End offset minus committed offset per partition, never negative. */
    static Map<TopicPartition, Long> offsetGaps(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> gaps = new HashMap<>();
        committed.forEach((tp, offset) -> {
            Long end = ends.get(tp);
            if (end != null) {
                gaps.put(tp, Math.max(0, end - offset));
            }
        });
        return gaps;
    }

    /** Per-partition lag summed per topic. */
    static Map<String, Long> byTopic(Map<TopicPartition, Long> lag) {
        Map<String, Long> byTopic = new TreeMap<>();
        lag.forEach((tp, records) -> byTopic.merge(tp.topic(), records, Long::sum));
        return byTopic;
    }

    private Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> answer = get(admin.listOffsets(request).all());
        Map<TopicPartition, Long> ends = new HashMap<>();
        answer.forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future)
            throws ExecutionException, InterruptedException, TimeoutException {
        return future.get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (ownsAdmin) {
            admin.close(Duration.ofSeconds(5));
        }
    }
}
