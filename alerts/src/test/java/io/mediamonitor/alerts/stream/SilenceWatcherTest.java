package io.mediamonitor.alerts.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.alerts.detect.SilenceConfig;
import io.mediamonitor.alerts.detect.SilenceDetector;
import io.mediamonitor.model.Alert;
import io.mediamonitor.model.AlertArticle;
import io.mediamonitor.model.AlertKind;
import io.mediamonitor.model.AlertStatus;
import io.mediamonitor.schema.AvroSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * A backlog read at start-up reaches the watcher out of publication order: one source's articles are spread over
 * partitions, and while other sources move stream time on, its own are still on their way. A live job judges on
 * the wall clock and raises nothing for it; a replay in order judges on stream time.
 */
class SilenceWatcherTest {

    /** Eight days of two outlets publishing every 20 minutes, ending an hour before the job starts. */
    private static final Instant START = Instant.parse("2026-11-30T12:00:00Z");
    private static final Instant FIRST = START.minus(Duration.ofDays(8));
    private static final Duration EVERY = Duration.ofMinutes(20);

    @Test
    void aSourcesArticlesArrivingAfterOtherSourcesHaveMovedStreamTimeOnAreNoSilenceForALiveJob() {
        try (TopologyTestDriver driver = driver(SilenceClock.WALL_CLOCK)) {
            List<Alert> alerts = pipeOutOfOrderBacklog(driver);
            assertThat(alerts).as("nothing judged while the backlog is read").isEmpty();

            // caught up: both outlets published an hour ago, nothing is silent
            driver.advanceWallClockTime(Duration.ofMinutes(11));
            assertThat(output(driver).readValuesToList()).isEmpty();
        }
    }

    @Test
    void aReplayJudgedOnStreamTimeTakesTheSameBacklogForASilenceThatItsLaterArticlesClose() {
        try (TopologyTestDriver driver = driver(SilenceClock.STREAM_TIME)) {
            List<Alert> alerts = pipeOutOfOrderBacklog(driver);
            // what a live job judged on stream time used to raise: why it judges on the wall clock
            assertThat(alerts).extracting(Alert::getTerm).contains("source:Late Outlet");
            assertThat(alerts).extracting(Alert::getStatus).contains(AlertStatus.OPEN, AlertStatus.RESOLVED);
        }
    }

    @Test
    void aLiveJobReportsASourceGoneDarkOnTheWallClockFromTheMomentItsSilenceBecameImprobable() {
        try (TopologyTestDriver driver = driver(SilenceClock.WALL_CLOCK)) {
            pipeOutOfOrderBacklog(driver);
            driver.advanceWallClockTime(Duration.ofHours(12));

            List<Alert> alerts = output(driver).readValuesToList();
            assertThat(alerts).hasSize(2).allSatisfy(alert -> {
                assertThat(alert.getKind()).isEqualTo(AlertKind.SILENCE);
                assertThat(alert.getStatus()).isEqualTo(AlertStatus.OPEN);
                // dated when ten-odd expected articles had failed to come (hours after the last one), not when the
                // clock was read twelve hours on
                assertThat(alert.getTriggeredAt()).isBetween(START, START.plus(Duration.ofHours(6)));
            });
        }
    }

    /**
     * "Steady Outlet" in order throughout; "Late Outlet" in order up to day 4, then the rest of the steady
     * outlet's week moves stream time on before the late outlet's own last four days arrive.
     */
    private static List<Alert> pipeOutOfOrderBacklog(TopologyTestDriver driver) {
        TestInputTopic<String, AlertArticle> in = driver.createInputTopic("articles", Serdes.String().serializer(),
                AvroSerde.of(AlertArticle.class).serializer());
        Instant half = FIRST.plus(Duration.ofDays(4));
        Instant end = START.minus(Duration.ofHours(1));
        List<Instant> late = new ArrayList<>();
        for (Instant t = FIRST; t.isBefore(end); t = t.plus(EVERY)) {
            in.pipeInput("Steady Outlet", article("Steady Outlet", t), t);
            Instant other = t.plusSeconds(60);
            if (other.isBefore(half)) {
                in.pipeInput("Late Outlet", article("Late Outlet", other), other);
            } else {
                late.add(other);
            }
        }
        late.forEach(t -> in.pipeInput("Late Outlet", article("Late Outlet", t), t));
        return output(driver).readValuesToList();
    }

    private static AlertArticle article(String source, Instant at) {
        return new AlertArticle(source + " at " + at, "https://example.org/" + at.toEpochMilli(), source, at);
    }

    private static TestOutputTopic<String, Alert> output(TopologyTestDriver driver) {
        return driver.createOutputTopic("alerts", Serdes.String().deserializer(),
                AvroSerde.of(Alert.class).deserializer());
    }

    private static TopologyTestDriver driver(SilenceClock clock) {
        Topology topology = new Topology();
        topology.addSource("articles", Serdes.String().deserializer(), AvroSerde.of(AlertArticle.class).deserializer(),
                "articles");
        topology.addProcessor("silence", () -> new SilenceWatcher(new SilenceDetector(SilenceConfig.defaults()),
                clock), "articles");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(SilenceWatcher.STORE),
                Serdes.String(), Serdes.ByteArray()), "silence");
        topology.addSink("alerts", "alerts", Serdes.String().serializer(), AvroSerde.of(Alert.class).serializer(),
                "silence");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "silence-watcher-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return new TopologyTestDriver(topology, props, START);
    }
}
