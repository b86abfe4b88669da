package io.mediamonitor.app.slice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediamonitor.enrich.EnrichService;
import io.mediamonitor.enrich.EnrichSettings;
import io.mediamonitor.enrich.LiveDictionary;
import io.mediamonitor.enrich.tagging.Dictionary;
import io.mediamonitor.ingest.IngestConfig;
import io.mediamonitor.ingest.IngestReport;
import io.mediamonitor.ingest.IngestService;
import io.mediamonitor.model.ActorTag;
import io.mediamonitor.model.CountryTag;
import io.mediamonitor.model.EnrichedArticle;
import io.mediamonitor.model.Feed;
import io.mediamonitor.schema.TopicProvisioner;
import io.mediamonitor.schema.Topics;
import io.mediamonitor.testing.TopicReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first slice, end to end: a feed served over HTTP, ingest, enrich, and the tagged article read
 * back from media.articles.enriched. Runs against whatever real Kafka a subclass provides.
 */
abstract class FirstSliceContract {

    @TempDir
    Path dataDir;

    abstract String bootstrapServers();

    @Test
    void theFoundingStoryFlowsFromAFeedToTheEnrichedTopicTagged() throws Exception {
        Topics topics = new Topics("slice-" + UUID.randomUUID().toString().substring(0, 8) + ".");
        Map<String, Object> client = Map.of("bootstrap.servers", bootstrapServers());
        try (Admin admin = Admin.create(client)) {
            new TopicProvisioner(admin, (short) -1).ensure(topics);
        }

        try (FixtureFeedServer feeds = new FixtureFeedServer();
             IngestService ingest = new IngestService(client, topics,
                     IngestConfig.defaults().withAllowPrivateAddresses(true),
                     List.of(Feed.newBuilder().setUrl(feeds.url("founding-story.xml"))
                             .setName("Sahel Observateur").setLanguage("fr").build()));
             EnrichService enrich = new EnrichService(topics, EnrichSettings.defaults(),
                     LiveDictionary.over(Dictionary.builtIn()), client,
                     "slice-enrich-" + topics.prefix(), dataDir.resolve("streams").toString())) {
            enrich.start();
            IngestReport report = ingest.runOnce();
            assertThat(report.newArticles()).isEqualTo(1);

            EnrichedArticle article = readOne(topics.articlesEnriched().name(), topics);

            assertThat(article.getArticle().getTitle()).contains("Alexandre Novak");
            assertThat(article.getArticle().getUrl()).doesNotContain("utm_");
            assertThat(article.getCountries()).extracting(CountryTag::getCode).contains("RU", "ML", "BF", "NE");
            assertThat(article.getActors()).extracting(ActorTag::getId)
                    .contains("aes", "africa-corps", "novak", "putin", "kassoum-coulibaly");
            ActorTag africaCorps = article.getActors().stream().filter(a -> a.getId().equals("africa-corps"))
                    .findFirst().orElseThrow();
            assertThat(africaCorps.getMatched()).contains("African Corps", "Africa Corps");
            assertThat(article.getDictionaryVersion()).isNotBlank();
        }
    }

    /** Waits for the article, then reads the whole topic to its end: a duplicate would show. */
    private EnrichedArticle readOne(String topic, Topics topics) {
        await().atMost(Duration.ofSeconds(90)).until(() -> !read(topic, topics, Duration.ofSeconds(2)).isEmpty());
        List<EnrichedArticle> read = read(topic, topics, Duration.ofSeconds(30));
        assertThat(read).hasSize(1);
        return read.get(0);
    }

    private List<EnrichedArticle> read(String topic, Topics topics, Duration timeout) {
        return TopicReader.readToEnd(bootstrapServers(), topic, new StringDeserializer(),
                topics.articlesEnriched().valueSerde().deserializer(), timeout).stream().map(r -> r.value()).toList();
    }
}
