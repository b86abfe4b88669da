package io.mediamonitor.alerts.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.model.AlertArticle;
import io.mediamonitor.model.Article;
import io.mediamonitor.model.EnrichedArticle;
import io.mediamonitor.schema.AvroSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** What the silence watcher reads of an enriched article: its source's publication, timed by its fetch. */
class SourceArticlesTest {

    @Test
    void anArticleFetchedHoursAfterItsPublicationIsKeyedByItsSourceAndTimedByTheFetch() {
        Instant published = Instant.parse("2026-11-30T06:00:00Z");
        Instant fetched = published.plus(Duration.ofHours(3));
        EnrichedArticle enriched = EnrichedArticle.newBuilder()
                .setArticle(Article.newBuilder().setId("a1").setUrl("https://example.org/a1").setTitle("Le Mali")
                        .setSource("RFI").setSourceDomain("example.org").setFeedUrl("https://example.org/feed")
                        .setLanguage("fr").setPublishedAt(published).setFetchedAt(fetched).build())
                .setStoryId("a1").setDictionaryVersion("test").setEnrichedAt(fetched.plusSeconds(1))
                .build();

        Topology topology = new Topology();
        topology.addSource("enriched", Serdes.String().deserializer(),
                AvroSerde.of(EnrichedArticle.class).deserializer(), "enriched");
        topology.addProcessor("by-source", SourceArticles::new, "enriched");
        topology.addSink("out", "by-source", Serdes.String().serializer(), AvroSerde.of(AlertArticle.class).serializer(),
                "by-source");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "source-articles-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, props)) {
            driver.createInputTopic("enriched", Serdes.String().serializer(),
                    AvroSerde.of(EnrichedArticle.class).serializer()).pipeInput("a1", enriched, published);
            TestRecord<String, AlertArticle> out = driver.createOutputTopic("by-source",
                    Serdes.String().deserializer(), AvroSerde.of(AlertArticle.class).deserializer()).readRecord();

            assertThat(out.key()).isEqualTo("RFI");
            assertThat(out.getRecordTime()).isEqualTo(fetched);
            assertThat(out.value()).isEqualTo(new AlertArticle("Le Mali", "https://example.org/a1", "RFI", published));
        }
    }
}
