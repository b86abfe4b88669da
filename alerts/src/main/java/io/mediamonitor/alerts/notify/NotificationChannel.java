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
 * position at once, so alerts written while it is down later are not skipped. One delivery with
 * all its retries must fit in {@code max.poll.interval.ms}, hence {@code max.poll.records=1} by default, and
 * the interval is raised above the longest delivery the retry policy and the notifier's timeouts allow. With
 * the classic group protocol that interval is also how long a rebalance may wait for a member in the middle of
 * a delivery (a second instance joining during a failing receiver's retries). Any unexpected Kafka error
 * restarts the consumer from the
 * committed offsets after a pause. One instance runs once: after {@link #close()} build a new one.
 */
public final class NotificationChannel implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NotificationChannel.class);

    public static final String GROUP_PREFIX = "media-monitor-notify-";

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration KAFKA_RETRY_PAUSE = Duration.ofSeconds(1);
    private static final Duration RESTART_PAUSE = Duration.ofSeconds(5);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(60);
    /** Kafka's {@code max.poll.interval.ms} when none is set. */
    private static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(5);
    /**
     * Beyond the longest delivery, what follows it: the dead-letter write (up to the producer's 60 s
     * {@code max.block.ms} and the 30 s wait for its acknowledgement) and the commit (60 s {@code
     * default.api.timeout.ms}).
     */
    private static final Duration POLL_INTERVAL_SLACK = Duration.ofMinutes(3);

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
        this.consumerConfig = consumerConfig(clientConfig, channel, retry.longestDelivery(notifier.attemptLimit()));
        this.producerConfig = producerConfig(clientConfig, channel);
        this.delivery = new RetryingDelivery(retry, this::pause);
    }

    public static String groupId(String channel) {
        return GROUP_PREFIX + channel;
    }

    /**
     * One alert per poll, from the newest on for a new channel (a new channel does not replay the past year), and
     * time between polls for the longest delivery of one alert, all its retries included: a member that does not
     * poll within {@code max.poll.interval.ms} leaves its group, its commit fails, and the alert is delivered again.
     */
    static Map<String, Object> consumerConfig(Map<String, Object> clientConfig, String channel,
                                              Duration longestDelivery) {
        Map<String, Object> config = ClientConfigs.member(clientConfig, groupId(channel), groupId(channel), Map.of(
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1));
        Object set = config.get(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG);
        long asked = set == null ? DEFAULT_POLL_INTERVAL.toMillis() : Long.parseLong(set.toString().strip());
        long needed = Math.min(Integer.MAX_VALUE, longestDelivery.plus(POLL_INTERVAL_SLACK).toMillis());
        if (set != null && asked < needed) {
            log.warn("Channel {} polls within {} ms, not kafka.{}={}: one alert's delivery with all its retries "
                    + "may take that long", channel, needed, ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, set);
        }
        config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Math.max(asked, needed));
        return config;
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

    /** Waits unless stopping; false when the wait was cut short by {@link #close()}. */
    private boolean pause(Duration duration) {
        try {
            return !stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
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
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
                Step step = handle(deadLetters, record);
                if (step == Step.STOP) {
                    return false; // not committed: the next start takes this record again
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
            io.mediamonitor.kafka.DeadLetterCount.written(record.topic());
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
            // nothing pending: every delivered record is committed before the next one starts
        }
    }
}
