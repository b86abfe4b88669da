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
 * partitions, and while other sources move stream time on, its own are still on their way. A live job judges
 * nobody while it catches up and raises nothing for it; a replay in order judges on stream time. A backlog read
 * for longer than that is judged as far as it has been read (records are timed by when they were fetched), and
 * input that has gone quiet on the wall clock.
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

    @Test
    void aBacklogReadForLongerThanTheCatchUpIsJudgedAsFarAsItHasBeenReadNotOnTheWallClock() {
        try (TopologyTestDriver driver = driver(SilenceClock.WALL_CLOCK)) {
            TestInputTopic<String, AlertArticle> in = input(driver);
            // a job that was down for days reads the articles fetched meanwhile: a simulated six hours a minute
            Instant end = START.minus(Duration.ofHours(1));
            Instant nextMinute = FIRST.plus(Duration.ofHours(6));
            for (Instant t = FIRST; t.isBefore(end); t = t.plus(EVERY)) {
                if (!t.isBefore(nextMinute)) {
                    driver.advanceWallClockTime(Duration.ofMinutes(1));
                    nextMinute = nextMinute.plus(Duration.ofHours(6));
                }
                in.pipeInput("Steady Outlet", article("Steady Outlet", t), t);
                in.pipeInput("Other Outlet", article("Other Outlet", t.plusSeconds(60)), t.plusSeconds(60));
            }
            assertThat(output(driver).readValuesToList()).as("the wall clock ran half an hour past the catch-up "
                    + "while the outlets' latest articles were days old").isEmpty();

            // caught up (nothing more to read): the wall clock judges, and an hour's quiet is no silence
            driver.advanceWallClockTime(Duration.ofMinutes(11));
            assertThat(output(driver).readValuesToList()).isEmpty();
        }
    }

    @Test
    void whileOthersStillPublishASourceGoneDarkIsReportedAtTheTimeTheInputHasReached() {
        try (TopologyTestDriver driver = driver(SilenceClock.WALL_CLOCK)) {
            TestInputTopic<String, AlertArticle> in = input(driver);
            Instant lastOfOther = START.minus(Duration.ofMinutes(1));
            for (Instant t = FIRST; t.isBefore(START); t = t.plus(EVERY)) {
                in.pipeInput("Steady Outlet", article("Steady Outlet", t), t);
                in.pipeInput("Other Outlet", article("Other Outlet", t.plusSeconds(60)), t.plusSeconds(60));
                lastOfOther = t.plusSeconds(60);
            }
            // live: the steady outlet goes on (never idle long enough for the wall clock to take over), the other
            // has stopped
            Instant now = START;
            for (int minute = 0; minute < 12 * 60; minute++) {
                driver.advanceWallClockTime(Duration.ofMinutes(1));
                now = now.plus(Duration.ofMinutes(1));
                if (minute % 5 == 0) {
                    in.pipeInput("Steady Outlet", article("Steady Outlet", now), now);
                }
            }
            List<Alert> alerts = output(driver).readValuesToList();
            assertThat(alerts).hasSize(1);
            Alert alert = alerts.get(0);
            assertThat(alert.getTerm()).isEqualTo("source:Other Outlet");
            assertThat(alert.getStatus()).isEqualTo(AlertStatus.OPEN);
            assertThat(alert.getTriggeredAt()).isBetween(lastOfOther, lastOfOther.plus(Duration.ofHours(6)));
        }
    }

    private static TestInputTopic<String, AlertArticle> input(TopologyTestDriver driver) {
        return driver.createInputTopic("articles", Serdes.String().serializer(),
                AvroSerde.of(AlertArticle.class).serializer());
    }

    /**
     * "Steady Outlet" in order throughout; "Late Outlet" in order up to day 4, then the rest of the steady
     * outlet's week moves stream time on before the late outlet's own last four days arrive.
     */
    private static List<Alert> pipeOutOfOrderBacklog(TopologyTestDriver driver) {
        TestInputTopic<String, AlertArticle> in = input(driver);
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
