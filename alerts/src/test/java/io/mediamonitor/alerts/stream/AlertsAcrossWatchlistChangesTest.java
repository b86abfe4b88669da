package io.mediamonitor.alerts.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.kafka.StreamsDefaults;
import io.mediamonitor.model.Alert;
import io.mediamonitor.model.AlertStatus;
import io.mediamonitor.model.MentionCount;
import io.mediamonitor.model.WatchlistEntry;
import io.mediamonitor.schema.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/**
 * The watchlist changing while an alert is open, on the real alert topology: the detector runs for every term, so
 * what goes out must follow what people were told.
 */
class AlertsAcrossWatchlistChangesTest {

    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
    private static final Instant BURST = T0.plus(Duration.ofDays(14));
    private final Topics topics = Topics.withDefaultPrefix();

    @Test
    void aTermDisabledWhileItsAlertIsOpenStillGetsThatAlertsResolved() throws Exception {
        try (TopologyTestDriver driver = driver()) {
            TestInputTopic<String, MentionCount> mentions = mentions(driver);
            TestInputTopic<String, WatchlistEntry> watchlist = watchlist(driver);
            TestOutputTopic<String, Alert> out = alerts(driver);

            mentions.pipeInput("actor:x", burst("actor:x"), BURST.plus(Duration.ofMinutes(40)));
            List<Alert> first = out.readValuesToList();
            assertThat(first).extracting(Alert::getStatus).containsExactly(AlertStatus.OPEN);

            // the operator silences the noisy term: watch actor:x --disable
            watchlist.pipeInput("actor:x", WatchlistEntry.newBuilder().setTerm("actor:x").setEnabled(false).build());
            // two days go by (another term's count moves stream time on)
            Instant later = BURST.plus(Duration.ofDays(2));
            mentions.pipeInput("actor:other", one("actor:other", later), later);

            List<Alert> all = new ArrayList<>(first);
            all.addAll(out.readValuesToList());
            assertThat(all).filteredOn(a -> a.getTerm().equals("actor:x")).extracting(Alert::getStatus)
                    .as("an alert people were told is OPEN is closed").containsExactly(AlertStatus.OPEN,
                            AlertStatus.RESOLVED);
        }
    }

    @Test
    void aTermWatchedDuringItsBurstSendsNothingOfThatBurst() throws Exception {
        try (TopologyTestDriver driver = driver()) {
            TestInputTopic<String, MentionCount> mentions = mentions(driver);
            TestInputTopic<String, WatchlistEntry> watchlist = watchlist(driver);
            TestOutputTopic<String, Alert> out = alerts(driver);
            String term = "pair:wagner|ML"; // pairs are not watched by default

            mentions.pipeInput(term, burst(term), BURST.plus(Duration.ofMinutes(40)));
            assertThat(out.readValuesToList()).as("pairs are not watched by default").isEmpty();
            byte[] state = driver.<String, byte[]>getKeyValueStore(SpikeWatcher.STORE).get(term);
            assertThat(io.mediamonitor.alerts.detect.TermStateCodec.decode(state).alertActive())
                    .as("the detector opened the alert silently").isTrue();
            // the operator sees the burst on the dashboard's chart and starts watching it: watch pair:wagner|ML
            watchlist.pipeInput(term, WatchlistEntry.newBuilder().setTerm(term).setEnabled(true).build());
            Instant later = BURST.plus(Duration.ofDays(2));
            mentions.pipeInput("actor:other", one("actor:other", later), later);

            List<Alert> got = out.readValuesToList();
            assertThat(got).filteredOn(a -> a.getTerm().equals(term))
                    .extracting(a -> a.getStatus() + " rev " + a.getRevision())
                    .as("nothing of an alert whose OPEN was never sent: it alerts from its next burst").isEmpty();
        }
    }

    private MentionCount burst(String term) {
        return MentionCount.newBuilder().setTerm(term).setWindowStart(BURST).setWindowEnd(BURST.plusSeconds(3600))
                .setArticles(20).setStories(20).setSources(20).setTopSourceStories(1)
                .setLastEventAt(BURST.plus(Duration.ofMinutes(40))).setCountingSince(T0).build();
    }

    private MentionCount one(String term, Instant at) {
        Instant start = at.minus(Duration.ofMinutes(40));
        return MentionCount.newBuilder().setTerm(term).setWindowStart(start).setWindowEnd(start.plusSeconds(3600))
                .setArticles(1).setStories(1).setSources(1).setTopSourceStories(1).setLastEventAt(at)
                .setCountingSince(T0).build();
    }

    private TopologyTestDriver driver() throws Exception {
        Path dir = Files.createTempDirectory("alerts-watchlist");
        return new TopologyTestDriver(AlertTopology.build(topics, AlertSettings.defaults()),
                StreamsDefaults.base("alerts-watchlist", Map.of("bootstrap.servers", "unused:9092"),
                        topics.deadLetter().name(), dir.toString()), BURST);
    }

    private TestInputTopic<String, MentionCount> mentions(TopologyTestDriver driver) {
        return driver.createInputTopic(topics.mentions().name(), Serdes.String().serializer(),
                topics.mentions().valueSerde().serializer());
    }

    private TestInputTopic<String, WatchlistEntry> watchlist(TopologyTestDriver driver) {
        return driver.createInputTopic(topics.watchlist().name(), Serdes.String().serializer(),
                topics.watchlist().valueSerde().serializer());
    }

    private TestOutputTopic<String, Alert> alerts(TopologyTestDriver driver) {
        return driver.createOutputTopic(topics.alerts().name(), Serdes.String().deserializer(),
                topics.alerts().valueSerde().deserializer());
    }
}
