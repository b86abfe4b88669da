package io.mediamonitor.alerts.notify;

import io.mediamonitor.kafka.ClientConfigs;
import io.mediamonitor.model.Alert;
import io.mediamonitor.schema.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one notification channel: its own consumer group {@code media-monitor-notify-<name>} on the
 * alert topic, read_committed (the alert app writes exactly-once), no auto-commit. Each record is
 * delivered (with retries) and only then its offset committed, so people get every alert at least
 * once; a record that still fails, or cannot be decoded, goes to the dead-letter topic and is
 * committed, so one broken receiver never blocks the stream.
 *
 * <p>Offsets are committed after every record: alerts come a few per hour, and a narrow window
 * means few repeats after a crash. On its group's first start a channel begins at the end of the
 * topic ({@code auto.offset.reset=latest}: no year of history sent to people) and commits that
 * position at once, so alerts written while it is down later are not skipped. One alert is read per poll
 * ({@code max.poll.records=1}), and the pauses between its delivery attempts poll with every partition paused,
 * so only one attempt must fit in {@code max.poll.interval.ms} (default 5 min), however many retries it takes.
 * Any unexpected Kafka error restarts the consumer from the
 * committed offsets after a pause. One instance runs once: after {@link #close()} build a new one.
 */
public final class NotificationChannel implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NotificationChannel.class);

    public static final String GROUP_PREFIX = "media-monitor-notify-";

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration KAFKA_RETRY_PAUSE = Duration.ofSeconds(1);
    private static final Duration RESTART_PAUSE = Duration.ofSeconds(5);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(60);

    private enum Step { DONE, RETRY_LATER, STOP }

    private final String channel;
    private final Notifier notifier;
    private final String sourceTopic;
    private final String deadLetterTopic;
    private final Deserializer<Alert> values;
    private final Map<String, Object> consumerConfig;
    private final Map<String, Object> producerConfig;
    private final RetryingDelivery delivery;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final CountDownLatch assigned = new CountDownLatch(1);
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private volatile Consumer<byte[], byte[]> consumer;
    /**
     * Partitions revoked or lost since the batch being handled was polled: a rebalance completes only in a
     * delivery's backoff (its paused polls). Only the channel's thread uses it.
     */
    private final Set<TopicPartition> movedDuringBatch = new HashSet<>();
    private Thread thread;

    public NotificationChannel(Map<String, Object> clientConfig, Topics topics, String channel, Notifier notifier) {
        this(clientConfig, topics, channel, notifier, RetryPolicy.DEFAULT);
    }

    /**
     * @param clientConfig Kafka client settings shared by the consumer and the dead-letter producer
     *                     ({@code bootstrap.servers}, security...); the group, isolation level,
     *                     auto-commit and (de)serializers are set here and cannot be overridden
     * @param channel      short name, e.g. {@code webhook}: names the group, the thread and the
     *                     {@code channel} header of dead letters
     */
    public NotificationChannel(Map<String, Object> clientConfig, Topics topics, String channel, Notifier notifier,
                               RetryPolicy retry) {
        if (channel == null || !channel.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("channel name must be letters, digits, '.', '_' or '-': " + channel);
        }
        this.channel = channel;
        this.notifier = notifier;
        this.sourceTopic = topics.alerts().name();
        this.deadLetterTopic = topics.deadLetter().name();
        this.values = topics.alerts().valueSerde().deserializer();
        this.consumerConfig = consumerConfig(clientConfig, channel);
        this.producerConfig = producerConfig(clientConfig, channel);
        this.delivery = new RetryingDelivery(retry, this::pause);
    }

    public static String groupId(String channel) {
        return GROUP_PREFIX + channel;
    }

    /** One alert per poll, from the newest on for a new channel (a new channel does not replay the past year). */
    static Map<String, Object> consumerConfig(Map<String, Object> clientConfig, String channel) {
        return ClientConfigs.member(clientConfig, groupId(channel), groupId(channel), Map.of(
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1));
    }

    static Map<String, Object> producerConfig(Map<String, Object> clientConfig, String channel) {
        return ClientConfigs.producer(clientConfig, groupId(channel) + "-deadletter");
    }

    public String name() {
        return channel;
    }

    /** Starts the background thread {@code notify-<name>}; returns at once. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("channel " + channel + " was already started; build a new one");
        }
        thread = new Thread(this::run, "notify-" + channel);
        // offsets are committed only after delivery, so a JVM exit mid-delivery loses nothing
        thread.setDaemon(true);
        thread.start();
        log.info("Notification channel {} started (group {}, {})", channel, groupId(channel), notifier);
    }

    /** Waits until the consumer has its partitions (and its start position committed); true if it has. */
    public boolean awaitAssignment(Duration timeout) throws InterruptedException {
        return assigned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Alerts delivered by this instance. */
    public long delivered() {
        return delivered.get();
    }

    /** Records this instance sent to the dead-letter topic. */
    public long deadLettered() {
        return deadLettered.get();
    }

    /**
     * Stops: a delivery in its backoff pause is abandoned (not committed, so the next start takes it
     * again), one in flight is waited for (up to a minute), then the consumer leaves its group.
     */
    @Override
    public void close() {
        stopping.countDown();
        Consumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null && running != Thread.currentThread()) {
            try {
                running.join(CLOSE_WAIT.toMillis());
                if (running.isAlive()) {
                    log.warn("Notification channel {} did not stop within {}", channel, CLOSE_WAIT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        log.info("Notification channel {} stopped: {} delivered, {} dead-lettered", channel, delivered.get(),
                deadLettered.get());
    }

    private boolean stopRequested() {
        return stopping.getCount() == 0;
    }

    /**
     * Waits unless stopping; false when the wait was cut short by {@link #close()}. On the channel's thread with its
     * consumer open (a delivery's backoff), the wait polls with every partition paused: the group expects a poll
     * every {@code max.poll.interval.ms}, and a delivery whose retries outlast it would otherwise lose its
     * partition, fail its commit and be delivered again.
     */
    private boolean pause(Duration duration) {
        Consumer<byte[], byte[]> kafka = consumer;
        if (kafka == null || Thread.currentThread() != thread) {
            return waitUnlessStopping(duration);
        }
        long end = System.nanoTime() + duration.toNanos();
        try {
            for (long left = duration.toNanos(); left > 0 && !stopRequested(); left = end - System.nanoTime()) {
                kafka.pause(kafka.assignment()); // again: a rebalance in the last poll may have assigned more
                ConsumerRecords<byte[], byte[]> unasked = kafka.poll(Duration.ofNanos(Math.min(left,
                        POLL.toNanos())));
                // records of a partition assigned during that poll, before it was paused: read again later
                for (TopicPartition partition : unasked.partitions()) {
                    kafka.seek(partition, unasked.records(partition).get(0).offset());
                }
            }
        } catch (WakeupException e) {
            return false; // close()
        } catch (KafkaException e) {
            // a rebalance's trouble is the session's to meet after this delivery, not a reason to cut it short
            log.warn("Channel {} could not poll during a delivery's backoff; waiting instead", channel, e);
            return waitUnlessStopping(Duration.ofNanos(Math.max(0, end - System.nanoTime())));
        } finally {
            if (!stopRequested()) {
                resumeAll(kafka);
            }
        }
        return !stopRequested();
    }

    private boolean waitUnlessStopping(Duration duration) {
        try {
            return !stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void resumeAll(Consumer<byte[], byte[]> kafka) {
        try {
            kafka.resume(kafka.assignment());
        } catch (KafkaException | IllegalStateException e) {
            log.debug("Channel {} could not resume its partitions; the session restarts", channel, e);
        }
    }

    private void run() {
        while (!stopRequested()) {
            try {
                runSession();
            } catch (WakeupException e) {
                // close() woke a blocking call
            } catch (RuntimeException e) {
                if (stopRequested()) {
                    log.debug("Notification channel {} ended while stopping", channel, e);
                    return;
                }
                log.error("Notification channel {} failed; restarting from the committed offsets in {}", channel,
                        RESTART_PAUSE, e);
                pause(RESTART_PAUSE);
            }
        }
    }

    private void runSession() {
        try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> deadLetters = new KafkaProducer<>(producerConfig, new ByteArraySerializer(),
                     new ByteArraySerializer())) {
            consumer = kafka;
            if (stopRequested()) {
                return;
            }
            kafka.subscribe(List.of(sourceTopic), new StartPinning(kafka));
            while (!stopRequested()) {
                if (!process(kafka, deadLetters, kafka.poll(POLL))) {
                    return;
                }
            }
        } finally {
            consumer = null;
        }
    }

    /** Handles one batch; false when the channel is stopping. */
    private boolean process(Consumer<byte[], byte[]> kafka, Producer<byte[], byte[]> deadLetters,
                            ConsumerRecords<byte[], byte[]> records) {
        movedDuringBatch.clear();
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
                if (movedDuringBatch.contains(partition)) {
                    break; // read again from the committed offset, by this member or the partition's new owner
                }
                Step step = handle(deadLetters, record);
                if (step == Step.STOP) {
                    return false; // not committed: the next start takes this record again
                }
                if (movedDuringBatch.contains(partition)) {
                    if (step == Step.DONE) {
                        settleMoved(kafka, partition, record);
                    }
                    break;
                }
                if (step == Step.RETRY_LATER) {
                    kafka.seek(partition, record.offset());
                    if (!pause(KAFKA_RETRY_PAUSE)) {
                        return false;
                    }
                    break; // the rest of this partition is read again after the record
                }
                if (!commit(kafka, partition, record.offset() + 1)) {
                    if (stopRequested()) {
                        return false;
                    }
                    if (kafka.assignment().contains(partition)) {
                        kafka.seek(partition, record.offset() + 1);
                    }
                    break;
                }
            }
        }
        return true;
    }

    private Step handle(Producer<byte[], byte[]> deadLetters, ConsumerRecord<byte[], byte[]> record) {
        Alert alert;
        try {
            alert = values.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            return deadLetter(deadLetters, record, "undeserializable: " + e.getMessage());
        }
        if (alert == null) {
            log.warn("Channel {} skips an empty record at {}-{}@{}", channel, record.topic(), record.partition(),
                    record.offset());
            return Step.DONE;
        }
        DeliveryOutcome outcome = delivery.deliver(notifier, alert);
        return switch (outcome.status()) {
            case DELIVERED -> {
                delivered.incrementAndGet();
                log.debug("Channel {} delivered alert {}:{}", channel, alert.getId(), alert.getRevision());
                yield Step.DONE;
            }
            case STOPPED -> Step.STOP;
            case FAILED -> deadLetter(deadLetters, record, "delivery failed after " + outcome.attempts()
                    + " attempt(s): " + outcome.reason());
        };
    }

    private Step deadLetter(Producer<byte[], byte[]> producer, ConsumerRecord<byte[], byte[]> record, String reason) {
        try {
            producer.send(DeadLetters.of(deadLetterTopic, record, channel, reason)).get(30, TimeUnit.SECONDS);
            deadLettered.incrementAndGet();
            log.warn("Channel {} sent {}-{}@{} to {}: {}", channel, record.topic(), record.partition(),
                    record.offset(), deadLetterTopic, reason);
            return Step.DONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Step.STOP;
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            log.error("Channel {} cannot write to {}; will try {}-{}@{} again", channel, deadLetterTopic,
                    record.topic(), record.partition(), record.offset(), e);
            return Step.RETRY_LATER;
        }
    }

    /**
     * After a delivery whose partition was revoked during its backoff (a rebalance completed in a paused poll).
     * When the partition came back to this member, the delivery is committed and the position set after it: the
     * rebalance reset it to the committed offset, which would deliver the record again. When it went to another
     * member, nothing is committed, so as not to overwrite the new owner's progress; the new owner starts at the
     * committed offset and may repeat this alert.
     */
    private void settleMoved(Consumer<byte[], byte[]> kafka, TopicPartition partition,
                             ConsumerRecord<byte[], byte[]> record) {
        if (!kafka.assignment().contains(partition)) {
            log.warn("Channel {} delivered {}-{}@{} while its partition moved to another member, which may "
                    + "deliver it again", channel, record.topic(), record.partition(), record.offset());
        } else if (commit(kafka, partition, record.offset() + 1)) {
            kafka.seek(partition, record.offset() + 1);
        }
    }

    /** Commits one offset; false when it did not happen and the rest of the batch must not go on. */
    private boolean commit(Consumer<byte[], byte[]> kafka, TopicPartition partition, long next) {
        Map<TopicPartition, OffsetAndMetadata> offsets = Map.of(partition, new OffsetAndMetadata(next));
        try {
            kafka.commitSync(offsets);
            return true;
        } catch (WakeupException e) {
            // close() arrived during the commit: finish it, the delivery has happened
            kafka.commitSync(offsets);
            return false;
        } catch (CommitFailedException | RebalanceInProgressException e) {
            log.warn("Channel {} lost {} before committing offset {}; its next owner may repeat one alert",
                    channel, partition, next);
            return false;
        }
    }

    /**
     * Commits the start position of partitions the group has never committed, so that the
     * {@code latest} reset happens once, at the group's first start, and never again later.
     */
    private final class StartPinning implements ConsumerRebalanceListener {
        private final Consumer<byte[], byte[]> kafka;

        StartPinning(Consumer<byte[], byte[]> kafka) {
            this.kafka = kafka;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                Map<TopicPartition, OffsetAndMetadata> committed = kafka.committed(new HashSet<>(partitions));
                Map<TopicPartition, OffsetAndMetadata> starts = new HashMap<>();
                for (TopicPartition partition : partitions) {
                    if (committed.get(partition) == null) {
                        starts.put(partition, new OffsetAndMetadata(kafka.position(partition)));
                    }
                }
                if (!starts.isEmpty()) {
                    kafka.commitSync(starts);
                    log.info("Channel {} starts at {}", channel, starts);
                }
            }
            log.debug("Channel {} assigned {}", channel, partitions);
            assigned.countDown();
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // nothing to commit: a record is committed right after its delivery
            movedDuringBatch.addAll(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            movedDuringBatch.addAll(partitions);
        }
    }
}
