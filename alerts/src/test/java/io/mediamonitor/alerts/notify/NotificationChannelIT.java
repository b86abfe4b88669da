package io.mediamonitor.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediamonitor.model.Alert;
import io.mediamonitor.schema.TopicProvisioner;
import io.mediamonitor.schema.Topics;
import io.mediamonitor.testing.KafkaTestCluster;
import io.mediamonitor.testing.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The channel runner on a real broker, delivering to a real HTTP receiver. */
class NotificationChannelIT {

    private static KafkaTestCluster kafka;
    private static Admin admin;

    @BeforeAll
    static void startKafka() {
        kafka = KafkaTestCluster.singleBroker();
        admin = kafka.admin();
    }

    @AfterAll
    static void stopKafka() {
        admin.close();
        kafka.close();
    }

    @Test
    void everyAlertArrivesAtLeastOnceAcrossAStopMidwayAndCommitsFollowDelivery() throws Exception {
        Topics topics = topics("restart");
        String channelName = "webhook-restart";
        String group = NotificationChannel.groupId(channelName);
        Map<String, TopicPartition> partitionOf = new ConcurrentHashMap<>();
        Map<String, Long> offsetOf = new ConcurrentHashMap<>();
        Map<String, Long> committedWhenDelivered = new ConcurrentHashMap<>();
        CountDownLatch firstFailure = new CountDownLatch(1);
        // alert 4 fails at its first attempt: the channel is then in a long backoff when we stop it
        try (RecordingReceiver receiver = new RecordingReceiver(request -> {
            String key = request.idempotencyKey();
            if (key.equals("alert-0004:0") && firstFailure.getCount() > 0) {
                firstFailure.countDown();
                return 500;
            }
            TopicPartition partition = partitionOf.get(key);
            OffsetAndMetadata committed = committedOffsets(group).get(partition);
            committedWhenDelivered.put(key, committed == null ? -1 : committed.offset());
            return 200;
        })) {
            RetryPolicy patient = new RetryPolicy(5, Duration.ofSeconds(20), Duration.ofSeconds(20));
            NotificationChannel first = new NotificationChannel(clientConfig(), topics, channelName,
                    new WebhookNotifier(receiver.uri("/alerts")), patient);
            first.start();
            assertThat(first.awaitAssignment(Duration.ofSeconds(30))).isTrue();

            try (KafkaProducer<String, Alert> producer = transactionalProducer(topics)) {
                sendCommitted(producer, topics, IntStream.range(0, 10), partitionOf, offsetOf);
                sendAborted(producer, topics, TestAlerts.numbered(999));

                assertThat(firstFailure.await(30, TimeUnit.SECONDS)).isTrue();
                first.close();
                long deliveredBeforeStop = first.delivered();
                assertThat(deliveredBeforeStop).isLessThan(10);

                sendCommitted(producer, topics, IntStream.range(10, 20), partitionOf, offsetOf);
            }

            try (NotificationChannel second = new NotificationChannel(clientConfig(), topics, channelName,
                    new WebhookNotifier(receiver.uri("/alerts")), patient)) {
                second.start();
                Set<String> expected = IntStream.range(0, 20).mapToObj(n -> String.format("alert-%04d:0", n))
                        .collect(Collectors.toSet());
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> committedWhenDelivered.keySet().containsAll(expected));
                // committed = last alert's offset + 1 in every partition (the end also counts the
                // transaction markers, which consumers skip)
                await().atMost(Duration.ofSeconds(30)).until(() -> offsetOf.entrySet().stream().allMatch(e -> {
                    OffsetAndMetadata committed = committedOffsets(group).get(partitionOf.get(e.getKey()));
                    return committed != null && committed.offset() > e.getValue();
                }));

                List<String> keys = receiver.requests().stream().map(RecordingReceiver.Request::idempotencyKey).toList();
                assertThat(Set.copyOf(keys)).as("every committed alert, and the aborted one never")
                        .isEqualTo(expected);
                assertThat(keys.stream().filter("alert-0004:0"::equals).count())
                        .as("the alert abandoned at the stop is sent again after the restart").isEqualTo(2);
                committedWhenDelivered.forEach((key, committed) -> assertThat(committed)
                        .as("offset of %s not committed before its delivery", key)
                        .isLessThanOrEqualTo(offsetOf.get(key)));
                assertThat(second.deadLettered()).isZero();
            }
        }
    }

    @Test
    void failingReceiverAndPoisonRecordsGoToTheDeadLetterTopicAndTheStreamMovesOn() throws Exception {
        Topics topics = topics("dlq");
        String channelName = "webhook-dlq";
        try (RecordingReceiver receiver = new RecordingReceiver(request -> 500);
             NotificationChannel channel = new NotificationChannel(clientConfig(), topics, channelName,
                     new WebhookNotifier(receiver.uri("/down")),
                     new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10)))) {
            channel.start();
            assertThat(channel.awaitAssignment(Duration.ofSeconds(30))).isTrue();

            byte[] poison = "not an avro alert".getBytes(StandardCharsets.UTF_8);
            Map<String, byte[]> sent = new HashMap<>();
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                for (Alert alert : List.of(TestAlerts.numbered(1), TestAlerts.numbered(2))) {
                    byte[] value = topics.alerts().valueSerde().serializer().serialize("", alert);
                    sent.put(alert.getTerm(), value);
                    producer.send(new ProducerRecord<>(topics.alerts().name(), bytes(alert.getTerm()), value)).get();
                }
                sent.put("keyword:poison", poison);
                producer.send(new ProducerRecord<>(topics.alerts().name(), bytes("keyword:poison"), poison)).get();
            }

            // the channel dead-letters as it goes: read the topic to its end until all three are there
            List<ConsumerRecord<byte[], byte[]>> dead = await().atMost(Duration.ofSeconds(30)).until(
                    () -> TopicReader.readToEnd(kafka.bootstrapServers(), topics.deadLetter().name(),
                            new ByteArrayDeserializer(), new ByteArrayDeserializer(), Duration.ofSeconds(10)),
                    records -> records.size() >= 3);
            Map<String, ConsumerRecord<byte[], byte[]>> byKey = dead.stream()
                    .collect(Collectors.toMap(r -> new String(r.key(), StandardCharsets.UTF_8), r -> r));
            assertThat(byKey.keySet()).containsExactlyInAnyOrder("keyword:test-1", "keyword:test-2", "keyword:poison");
            byKey.forEach((key, record) -> {
                assertThat(record.value()).as("original bytes of %s", key).isEqualTo(sent.get(key));
                assertThat(DeadLetters.header(record.headers(), "channel")).isEqualTo(channelName);
                assertThat(DeadLetters.header(record.headers(), "source.topic")).isEqualTo(topics.alerts().name());
                assertThat(DeadLetters.header(record.headers(), "source.partition")).matches("[0-2]");
                assertThat(DeadLetters.header(record.headers(), "source.offset")).matches("\\d+");
            });
            assertThat(DeadLetters.header(byKey.get("keyword:test-1").headers(), "reason"))
                    .startsWith("delivery failed after 2 attempt(s): POST http://127.0.0.1:").contains("HTTP 500");
            assertThat(DeadLetters.header(byKey.get("keyword:poison").headers(), "reason"))
                    .startsWith("undeserializable: cannot decode Alert");

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> committedEqualsEnd(NotificationChannel.groupId(channelName), topics.alerts().name()));
            assertThat(channel.deadLettered()).isEqualTo(3);
            assertThat(channel.delivered()).isZero();
            assertThat(receiver.requests()).hasSize(4); // 2 alerts × 2 attempts; the poison never reached it
        }
    }

    @Test
    void aPollIntervalShorterThanTheRetriesIsRaisedSoTheChannelKeepsItsGroupAndDeliversOnce() throws Exception {
        Topics topics = topics("patient");
        String channelName = "webhook-patient";
        String group = NotificationChannel.groupId(channelName);
        AtomicInteger calls = new AtomicInteger();
        // three failures 1.5 s apart, 4.5 s of retries for one alert, where the group was told to expect a poll
        // every 2 s: before, the channel left its group mid-delivery, its commit failed and the alert was delivered
        // again. The channel now gives itself the longest delivery its retries and timeout allow
        Map<String, Object> impatient = new HashMap<>(clientConfig());
        impatient.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 2_000);
        try (RecordingReceiver receiver = new RecordingReceiver(request -> calls.incrementAndGet() <= 3 ? 500 : 200);
             NotificationChannel channel = new NotificationChannel(impatient, topics, channelName,
                     new WebhookNotifier(receiver.uri("/slow")),
                     new RetryPolicy(5, Duration.ofMillis(1_500), Duration.ofMillis(1_500)))) {
            channel.start();
            assertThat(channel.awaitAssignment(Duration.ofSeconds(30))).isTrue();
            Landed alert = sendCommitted(topics, 1);

            await().atMost(Duration.ofSeconds(60)).until(() -> committedPast(group, alert));
            // and no repeat after the commit either
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> receiver.requests().size() == 4);
            assertThat(receiver.requests()).as("three failures and one delivery")
                    .allSatisfy(request -> assertThat(request.idempotencyKey()).isEqualTo(alert.key()));
            assertThat(channel.delivered()).isEqualTo(1);
        }
    }

    @Test
    void aRebalanceDuringABackoffDoesNotDeliverTheAlertAgain() throws Exception {
        Topics topics = topics("rebalanced");
        String channelName = "webhook-rebalanced";
        String group = NotificationChannel.groupId(channelName);
        AtomicInteger calls = new AtomicInteger();
        // the first attempt fails; while the channel waits 8 s to try again, another member joins its group (it
        // reads another topic, so the channel keeps all of its partitions). The rebalance completes at the
        // channel's next poll, after the delivery and its commit: a rebalance completed within the delivery would
        // reset the partition to its committed offset and deliver the alert again
        try (RecordingReceiver receiver = new RecordingReceiver(request -> calls.incrementAndGet() == 1 ? 500 : 200);
             NotificationChannel channel = new NotificationChannel(clientConfig(), topics, channelName,
                     new WebhookNotifier(receiver.uri("/alerts")),
                     new RetryPolicy(5, Duration.ofSeconds(8), Duration.ofSeconds(8)))) {
            channel.start();
            assertThat(channel.awaitAssignment(Duration.ofSeconds(30))).isTrue();
            Landed alert = sendCommitted(topics, 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> calls.get() == 1);
            try (KafkaConsumer<byte[], byte[]> other = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, group), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                other.subscribe(List.of(topics.deadLetter().name()));
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    other.poll(Duration.ofMillis(200));
                    return !other.assignment().isEmpty();
                });

                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    other.poll(Duration.ofMillis(100));
                    return channel.delivered() == 1 && committedPast(group, alert);
                });
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> {
                    other.poll(Duration.ofMillis(100));
                    return receiver.requests().size() == 2;
                });
            }
            assertThat(channel.delivered()).isEqualTo(1);
        }
    }

    /** Where one alert landed, and the key its receiver sees. */
    private record Landed(String key, TopicPartition partition, long offset) {
    }

    /** Writes alert number {@code n} in a committed transaction of its own. */
    private static Landed sendCommitted(Topics topics, int n) throws Exception {
        Map<String, TopicPartition> partitionOf = new HashMap<>();
        Map<String, Long> offsetOf = new HashMap<>();
        try (KafkaProducer<String, Alert> producer = transactionalProducer(topics)) {
            sendCommitted(producer, topics, IntStream.of(n), partitionOf, offsetOf);
        }
        String key = WebhookNotifier.idempotencyKey(TestAlerts.numbered(n));
        return new Landed(key, partitionOf.get(key), offsetOf.get(key));
    }

    /** Whether the group has committed past the alert's offset in its partition. */
    private static boolean committedPast(String group, Landed alert) {
        OffsetAndMetadata committed = committedOffsets(group).get(alert.partition());
        return committed != null && committed.offset() > alert.offset();
    }

    // ---- helpers

    private static Topics topics(String name) {
        Topics topics = new Topics("it-" + name + "-" + UUID.randomUUID().toString().substring(0, 8) + ".");
        new TopicProvisioner(admin, (short) -1).ensure(topics);
        return topics;
    }

    private static Map<String, Object> clientConfig() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static KafkaProducer<String, Alert> transactionalProducer(Topics topics) {
        KafkaProducer<String, Alert> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "it-alerts-" + UUID.randomUUID()),
                topics.alerts().keySerde().serializer(), topics.alerts().valueSerde().serializer());
        producer.initTransactions();
        return producer;
    }

    /** Writes alerts numbered by {@code numbers} in one committed transaction, noting where each landed. */
    private static void sendCommitted(KafkaProducer<String, Alert> producer, Topics topics, IntStream numbers,
                                      Map<String, TopicPartition> partitionOf, Map<String, Long> offsetOf)
            throws Exception {
        producer.beginTransaction();
        for (int n : numbers.toArray()) {
            Alert alert = TestAlerts.numbered(n);
            RecordMetadata where = producer.send(new ProducerRecord<>(topics.alerts().name(), alert.getTerm(), alert))
                    .get();
            String key = WebhookNotifier.idempotencyKey(alert);
            partitionOf.put(key, new TopicPartition(where.topic(), where.partition()));
            offsetOf.put(key, where.offset());
        }
        producer.commitTransaction();
    }

    private static void sendAborted(KafkaProducer<String, Alert> producer, Topics topics, Alert alert)
            throws Exception {
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(topics.alerts().name(), alert.getTerm(), alert)).get();
        producer.abortTransaction();
    }

    private static Map<TopicPartition, OffsetAndMetadata> committedOffsets(String group) {
        try {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** True once the group's committed offset is the end of every partition (no transactions written). */
    private static boolean committedEqualsEnd(String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets(group);
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        IntStream.range(0, 3).forEach(p -> ends.put(new TopicPartition(topic, p), OffsetSpec.latest()));
        var latest = admin.listOffsets(ends, new org.apache.kafka.clients.admin.ListOffsetsOptions(
                org.apache.kafka.common.IsolationLevel.READ_COMMITTED)).all().get(10, TimeUnit.SECONDS);
        for (var end : latest.entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            if (done == null || done.offset() != end.getValue().offset()) {
                return false;
            }
        }
        return true;
    }
}
