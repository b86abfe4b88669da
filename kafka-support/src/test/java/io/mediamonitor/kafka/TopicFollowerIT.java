package io.mediamonitor.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mediamonitor.testing.KafkaTestCluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TopicFollowerIT {

    private static final Duration READ = Duration.ofSeconds(30);
    private static KafkaTestCluster kafka;

    @BeforeAll
    static void start() {
        kafka = KafkaTestCluster.singleBroker();
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void readsCommittedRecordsToTheEndAndNotAbortedOnes() throws Exception {
        String topic = topic();
        try (KafkaProducer<String, String> producer = transactional()) {
            producer.initTransactions();
            send(producer, topic, "kept-", 3);
            producer.abortTransaction();
            producer.beginTransaction();
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(topic, "kept-" + i, "v"));
            }
            producer.commitTransaction();
        }

        assertThat(values(strings(topic).build().readToEnd(READ))).hasSize(3);
        assertThat(values(strings(topic).committedOnly(false).build().readToEnd(READ))).as("aborted ones too")
                .hasSize(6);
    }

    @Test
    void failsAtItsDeadlineRatherThanReturnPartOfTheTopic() throws Exception {
        String topic = topic();
        try (KafkaProducer<String, String> producer = plain()) {
            producer.send(new ProducerRecord<>(topic, "k", "v")).get();
        }

        try (TopicFollower<String, String> follower = strings(topic).build()) {
            assertThatThrownBy(() -> follower.readToEnd(Duration.ZERO))
                    .isInstanceOf(TopicFollower.DeadlinePassedException.class)
                    .hasMessageContaining("could not read " + topic + " to its end offsets")
                    .hasMessageContaining("read 0 records");
        }
    }

    @Test
    void skipsARecordItCannotDecodeAndReadsOn() throws Exception {
        String topic = topic();
        try (KafkaProducer<String, String> producer = plain()) {
            for (String value : List.of("one", "poison", "two")) {
                producer.send(new ProducerRecord<>(topic, 0, value, value)).get();
            }
        }
        Deserializer<String> picky = (t, bytes) -> {
            String value = new String(bytes, StandardCharsets.UTF_8);
            if (value.equals("poison")) {
                throw new IllegalArgumentException("cannot decode " + value);
            }
            return value;
        };

        try (TopicFollower<String, String> follower = TopicFollower.of(kafka.clientConfig(), new StringDeserializer(),
                picky, topic).build()) {
            assertThat(values(follower.readToEnd(READ))).containsExactly("one", "two");
        }
    }

    @Test
    void followsNewRecordsOnceCaughtUpAndFromTheEndSeesOnlyThose() throws Exception {
        String topic = topic();
        List<String> all = new CopyOnWriteArrayList<>();
        List<String> fresh = new CopyOnWriteArrayList<>();
        try (KafkaProducer<String, String> producer = plain();
             TopicFollower<String, String> fromStart = strings(topic).build();
             TopicFollower<String, String> fromEnd = strings(topic).fromEnd().build()) {
            producer.send(new ProducerRecord<>(topic, "k", "old")).get();
            fromStart.follow("follow-all", record -> all.add(record.value()));
            fromEnd.follow("follow-fresh", record -> fresh.add(record.value()));
            await().atMost(READ).until(() -> fromStart.caughtUp() && fromEnd.caughtUp());

            producer.send(new ProducerRecord<>(topic, "k", "new")).get();

            await().atMost(READ).until(() -> all.size() == 2 && fresh.size() == 1);
            assertThat(all).containsExactly("old", "new");
            assertThat(fresh).containsExactly("new");
            assertThat(fromStart.failure()).isNull();
        }
    }

    @Test
    void saysATopicIsMissingOrWaitsForItWhenAsked() throws Exception {
        String missing = "missing-" + UUID.randomUUID();
        try (TopicFollower<String, String> follower = strings(missing).build()) {
            assertThatThrownBy(() -> follower.readToEnd(READ)).isInstanceOf(MissingTopicException.class)
                    .hasMessageStartingWith("topic " + missing + " does not exist: ")
                    .hasMessageEndingWith("(create them with `media-monitor topics --create`)");
        }

        String later = "later-" + UUID.randomUUID();
        List<String> read = new CopyOnWriteArrayList<>();
        try (TopicFollower<String, String> follower = strings(later).waitForTopics().build()
                .follow("follow-later", record -> read.add(record.value()))) {
            kafka.admin().createTopics(List.of(new NewTopic(later, 1, (short) 1))).all().get();
            try (KafkaProducer<String, String> producer = plain()) {
                producer.send(new ProducerRecord<>(later, "k", "arrived")).get();
            }
            await().atMost(READ).until(() -> read.contains("arrived"));
        }
    }

    private static String topic() throws Exception {
        String name = "follow-" + UUID.randomUUID();
        kafka.admin().createTopics(List.of(new NewTopic(name, 3, (short) 1))).all().get();
        return name;
    }

    private static TopicFollower.Builder<String, String> strings(String topic) {
        return TopicFollower.of(kafka.clientConfig(), new StringDeserializer(), new StringDeserializer(), topic);
    }

    private static List<String> values(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String prefix, int count) {
        producer.beginTransaction();
        for (int i = 0; i < count; i++) {
            producer.send(new ProducerRecord<>(topic, prefix + i, "v"));
        }
        producer.flush();
    }

    private static KafkaProducer<String, String> plain() {
        return new KafkaProducer<>(kafka.clientConfig(), new StringSerializer(), new StringSerializer());
    }

    private static KafkaProducer<String, String> transactional() {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "follower-it-" + UUID.randomUUID());
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
}
