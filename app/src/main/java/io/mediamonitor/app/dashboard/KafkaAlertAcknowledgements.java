package io.mediamonitor.app.dashboard;

import io.mediamonitor.kafka.ClientConfigs;
import io.mediamonitor.kafka.TopicFollower;
import io.mediamonitor.model.AlertAcknowledgement;
import io.mediamonitor.schema.Topic;
import io.mediamonitor.schema.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The acknowledgements on the compacted topic: followed from the beginning (committed records only) into an
 * {@link AcknowledgementBoard}, and written there, acknowledged by the cluster, before the board shows a new one:
 * what the page shows as acknowledged survives a restart and reaches the other instances.
 */
public final class KafkaAlertAcknowledgements implements AlertAcknowledgements, AutoCloseable {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(15);

    private final Topic<String, AlertAcknowledgement> topic;
    private final AcknowledgementBoard board;
    private final TopicFollower<String, AlertAcknowledgement> follower;
    private final KafkaProducer<String, AlertAcknowledgement> producer;

    public KafkaAlertAcknowledgements(Topics topics, Map<String, Object> clientConfig, Clock clock) {
        this.topic = topics.alertAcknowledgements();
        this.board = new AcknowledgementBoard(clock);
        this.follower = TopicFollower.of(topic, clientConfig).waitForTopics().build();
        // a person waits on this write: sent at once, given up within the timeout
        Map<String, Object> producerConfig = ClientConfigs.producer(clientConfig, null, Map.of(
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) WRITE_TIMEOUT.toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) WRITE_TIMEOUT.toMillis() / 2,
                ProducerConfig.LINGER_MS_CONFIG, 0));
        this.producer = new KafkaProducer<>(producerConfig, topic.keySerde().serializer(),
                topic.valueSerde().serializer());
    }

    public KafkaAlertAcknowledgements start() {
        follower.follow("dashboard-acknowledgements", record -> board.offer(record.key(), record.value()));
        return this;
    }

    /** True once every acknowledgement the topic held at the start has been read. */
    public boolean caughtUp() {
        return follower.caughtUp();
    }

    @Override
    public Map<String, AlertAcknowledgement> all() {
        return board.all();
    }

    @Override
    public AlertAcknowledgement acknowledge(String alertId, String by, String note) {
        AlertAcknowledgement acknowledgement = board.record(alertId, by, note);
        write(alertId, acknowledgement);
        board.offer(alertId, acknowledgement);
        return acknowledgement;
    }

    @Override
    public void withdraw(String alertId) {
        write(alertId, null);
        board.offer(alertId, null);
    }

    private void write(String alertId, AlertAcknowledgement value) {
        try {
            producer.send(new ProducerRecord<>(topic.name(), alertId, value))
                    .get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("cannot write to " + topic.name() + ": " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to " + topic.name(), e);
        }
    }

    @Override
    public void close() {
        follower.close();
        producer.close(Duration.ofSeconds(5));
    }
}
