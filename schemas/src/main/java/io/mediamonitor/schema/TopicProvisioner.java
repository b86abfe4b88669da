package io.mediamonitor.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the catalogue's topics that do not exist yet. Safe to run at every start and from
 * several instances at once: a topic created concurrently by another instance is not an error,
 * and existing topics are left as operators configured them, but for one check: topics the catalogue says are
 * copartitioned must have as many partitions as each other, or the jobs would not start.
 */
public final class TopicProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    private final Admin admin;
    private final short replicationFactor;

    /** @param replicationFactor replicas per partition; -1 takes the broker's default.replication.factor */
    public TopicProvisioner(Admin admin, short replicationFactor) {
        this.admin = admin;
        this.replicationFactor = replicationFactor;
    }

    /**
     * Creates the catalogue's missing topics, each copartitioned follower with its leader's partitions, and refuses
     * a layout where copartitioned topics differ ({@link TopicLayoutException}). Returns the names it created.
     */
    public List<String> ensure(Topics catalogue) {
        return ensure(catalogue.all(), catalogue.copartitioned());
    }

    /** Returns the names of the topics this call created. */
    public List<String> ensure(Collection<Topic<?, ?>> topics) {
        return ensure(topics, List.of());
    }

    private List<String> ensure(Collection<Topic<?, ?>> topics, List<CopartitionedTopics> copartitioned) {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            Map<String, CopartitionedTopics> followers = new HashMap<>();
            copartitioned.forEach(pair -> followers.put(pair.follower().name(), pair));
            // leaders first: a follower takes its leader's partitions as the cluster has them, also when the leader
            // was there and the listing did not show it yet (created a moment before, by this process or another)
            List<String> created = create(topics.stream().filter(topic -> !existing.contains(topic.name())
                    && !followers.containsKey(topic.name())).toList(), topic -> topic.spec().partitions());
            List<Topic<?, ?>> missingFollowers = topics.stream().filter(topic -> !existing.contains(topic.name())
                    && followers.containsKey(topic.name())).toList();
            if (!missingFollowers.isEmpty()) {
                List<String> leaders = missingFollowers.stream()
                        .map(topic -> followers.get(topic.name()).leader().name()).distinct().toList();
                awaitLeaders(leaders); // described once this broker's metadata has them
                Map<String, Integer> leaderPartitions = partitionCounts(leaders);
                List<String> followersCreated = create(missingFollowers,
                        topic -> leaderPartitions.get(followers.get(topic.name()).leader().name()));
                created.addAll(followersCreated);
            }
            checkCopartitioned(copartitioned);
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("cannot create topics: " + cause.getMessage(), cause);
        }
    }

    /** Creates these topics, each with the partitions given, and once their leaders serve them returns those it made. */
    private List<String> create(List<Topic<?, ?>> topics, ToIntFunction<Topic<?, ?>> partitions)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<NewTopic> missing = new ArrayList<>();
        for (Topic<?, ?> topic : topics) {
            missing.add(new NewTopic(topic.name(), java.util.Optional.of(partitions.applyAsInt(topic)),
                    replicationFactor < 0 ? java.util.Optional.empty() : java.util.Optional.of(replicationFactor))
                    .configs(topic.spec().configs()));
        }
        List<String> created = new ArrayList<>();
        var result = admin.createTopics(missing);
        for (NewTopic topic : missing) {
            try {
                result.values().get(topic.name()).get(30, TimeUnit.SECONDS);
                created.add(topic.name());
                log.info("Created topic {} ({} partitions, {})", topic.name(), topic.numPartitions(), topic.configs());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        awaitLeaders(created);
        return created;
    }

    private void checkCopartitioned(List<CopartitionedTopics> copartitioned)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (copartitioned.isEmpty()) {
            return;
        }
        Map<String, Integer> counts = partitionCounts(copartitioned.stream()
                .flatMap(pair -> Stream.of(pair.leader().name(), pair.follower().name()))
                .distinct().toList());
        for (CopartitionedTopics pair : copartitioned) {
            int leader = counts.get(pair.leader().name());
            int follower = counts.get(pair.follower().name());
            if (leader != follower) {
                String fewer = leader < follower ? pair.leader().name() : pair.follower().name();
                throw new TopicLayoutException(pair.leader().name() + " has " + leader + " partitions and "
                        + pair.follower().name() + " " + follower + ", but they must have as many: " + pair.why()
                        + ". Give them the same number (partitions can only be added: kafka-topics.sh --alter --topic "
                        + fewer + " --partitions " + Math.max(leader, follower) + ").");
            }
        }
    }

    private Map<String, Integer> partitionCounts(Collection<String> names)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, Integer> counts = new HashMap<>();
        admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS)
                .forEach((name, description) -> counts.put(name, description.partitions().size()));
        return counts;
    }

    /**
     * Returns once every partition of the topics just created is served by its leader. An idempotent producer
     * that writes while a new partition's leadership settles can be answered NOT_LEADER for a batch the
     * partition did take, then retry it out of sequence for ever (KAFKA-14359): nothing may write before this
     * returns. The metadata names a leader before that broker serves the partition (a test's producer met it
     * 150 ms after the metadata said so), so the leaders are then asked for their end offsets, which only a
     * partition's serving leader answers (the admin client retries the others until they do).
     */
    private void awaitLeaders(List<String> created) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!created.isEmpty()) {
            Map<String, TopicDescription> described = null;
            try {
                described = admin.describeTopics(created).allTopicNames().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                // not in this broker's metadata yet
            }
            if (described != null && described.values().stream().allMatch(TopicProvisioner::led)) {
                Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
                described.values().forEach(topic -> topic.partitions().forEach(p ->
                        ends.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
                long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                try {
                    admin.listOffsets(ends, new ListOffsetsOptions().timeoutMs((int) Math.min(left, Integer.MAX_VALUE)))
                            .all().get(left, TimeUnit.MILLISECONDS);
                    return;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        throw e;
                    }
                    // another broker of the cluster, asked for the leaders, does not know the topic yet
                }
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the partitions of " + created + " still have no leader after 30 s");
            }
            Thread.sleep(50);
        }
    }

    private static boolean led(TopicDescription topic) {
        return topic.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty());
    }
}
