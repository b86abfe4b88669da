package io.mediamonitor.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediamonitor.model.Alert;
import io.mediamonitor.schema.TopicProvisioner;
import io.mediamonitor.schema.Topics;
import io.mediamonitor.testing.KafkaTestCluster;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code alerts tail} on a real broker. */
class AlertTailIT {

    private static final String TERM = "actor:aes";

    private static KafkaTestCluster kafka;
    private static Admin admin;
    private Topics topics;

    @BeforeAll
    static void startKafka() {
        kafka = KafkaTestCluster.singleBroker();
        admin = kafka.admin();
    }

    /** Each test its own topics, with three committed alerts, an aborted one and garbage: no test sees another's. */
    @BeforeEach
    void writeThreeAlerts() throws Exception {
        topics = new Topics("it-tail-" + UUID.randomUUID().toString().substring(0, 8) + ".");
        new TopicProvisioner(admin, (short) -1).ensure(topics);
        try (KafkaProducer<String, Alert> producer = producer()) {
            producer.beginTransaction();
            for (int n = 1; n <= 3; n++) {
                producer.send(record(alert("old-" + n)));
            }
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(record(alert("aborted")));
            producer.abortTransaction();
        }
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(topics.alerts().name(), TERM.getBytes(StandardCharsets.UTF_8),
                    "garbage".getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    @AfterAll
    static void stopKafka() {
        admin.close();
        kafka.close();
    }

    @Test
    void printsCommittedAlertsAsJsonLinesUpToMax() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int printed = AlertTail.run(clientConfig(), topics, true, true, 2, Duration.ofSeconds(20), print(bytes));

        assertThat(printed).isEqualTo(2);
        List<String> ids = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).lines().toList()) {
            JsonNode json = new ObjectMapper().readTree(line);
            ids.add(json.get("id").asText());
            assertThat(json.get("windowStart").asText()).isEqualTo("2026-03-01T13:00:00Z");
        }
        assertThat(ids).containsExactly("old-1", "old-2");
    }

    @Test
    void stopsAfterTheIdleTimeoutSkippingAbortedAndUndecodableRecords() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int printed = AlertTail.run(clientConfig(), topics, false, true, null, Duration.ofSeconds(2), print(bytes));

        assertThat(printed).isEqualTo(3);
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(9); // each alert: its line and its two articles
        assertThat(lines.get(0)).startsWith("2026-03-01T13:47:12Z OPEN HIGH spike actor:aes");
        assertThat(lines.get(1)).startsWith("  • Les chefs d'État");
    }

    @Test
    void withoutFromBeginningOnlyNewAlertsArePrintedAndNoGroupIsCreated() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CompletableFuture<Integer> tail = CompletableFuture.supplyAsync(() ->
                AlertTail.run(clientConfig(), topics, true, false, 1, Duration.ofSeconds(30), print(bytes)));
        // the tail's start position is not observable from here: write new alerts until it has seen one
        try (KafkaProducer<String, Alert> producer = producer()) {
            for (int n = 0; n < 100 && !tail.isDone(); n++) {
                producer.beginTransaction();
                producer.send(record(alert("new-" + n)));
                producer.commitTransaction();
                try {
                    tail.get(200, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException stillWaiting) {
                    // next alert
                }
            }
        }
        assertThat(tail.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(bytes.toString(StandardCharsets.UTF_8).strip());
        assertThat(json.get("id").asText()).startsWith("new-");
        assertThat(admin.listGroups().all().get(10, TimeUnit.SECONDS)).isEmpty();
    }

    private static Map<String, Object> clientConfig() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static Alert alert(String id) {
        return Alert.newBuilder(TestAlerts.aesSpike()).setId(id).build();
    }

    private ProducerRecord<String, Alert> record(Alert alert) {
        return new ProducerRecord<>(topics.alerts().name(), alert.getTerm(), alert);
    }

    private KafkaProducer<String, Alert> producer() {
        KafkaProducer<String, Alert> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "it-tail-" + UUID.randomUUID()),
                topics.alerts().keySerde().serializer(), topics.alerts().valueSerde().serializer());
        producer.initTransactions();
        return producer;
    }
}
