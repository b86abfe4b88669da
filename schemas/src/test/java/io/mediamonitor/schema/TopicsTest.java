package io.mediamonitor.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void defaultNamesFollowTheCatalogue() {
        Topics topics = Topics.withDefaultPrefix();

        assertThat(topics.all()).extracting(Topic::name).contains(
                "media.articles.raw", "media.articles.enriched", "media.mentions", "media.mentions.articles", "media.alerts",
                "media.feeds.status", "media.deadletter");
    }

    @Test
    void prefixAppliesToEveryTopic() {
        Topics topics = new Topics("staging.media.");

        assertThat(topics.all()).allSatisfy(t -> assertThat(t.name()).startsWith("staging.media."));
        assertThat(topics.alerts().name()).isEqualTo("staging.media.alerts");
    }

    @Test
    void aPrefixNoTopicNameCanStartWithIsRefused() {
        // before, a stack trace from the broker when the first topic was created, exit 1
        for (String bad : new String[] {"a b", "média.", "x/".repeat(3), "p".repeat(201)}) {
            assertThatThrownBy(() -> new Topics(bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("topics.prefix '");
        }
        assertThat(new Topics("staging_media-2.").alerts().name()).isEqualTo("staging_media-2.alerts");
        assertThat(new Topics("").alerts().name()).isEqualTo("alerts");
    }

    @Test
    void theStreamsTopicsTakeTheConfiguredPartitionsAndTheOthersKeepTheirs() {
        Topics six = Topics.withDefaultPrefix();
        Topics two = new Topics("media.", 2);

        for (Topics topics : List.of(six, two)) {
            int partitions = topics == six ? Topics.DEFAULT_PARTITIONS : 2;
            assertThat(List.of(topics.articlesRaw(), topics.articlesEnriched(), topics.mentions(),
                    topics.mentionArticles(), topics.feeds(), topics.feedsStatus())).allSatisfy(t -> assertThat(t.spec().partitions())
                    .as(t.name()).isEqualTo(partitions));
            assertThat(topics.alerts().spec().partitions()).isEqualTo(3);
            assertThat(topics.mentionTotals().spec().partitions()).isEqualTo(1);
        }
        assertThat(six.articlesRaw().spec().partitions()).isEqualTo(6);
        assertThatThrownBy(() -> new Topics("media.", 0))
                .hasMessageContaining("topics.partitions");
    }

    @Test
    void feedStatusIsCompactedAndArticlesExpire() {
        Topics topics = Topics.withDefaultPrefix();

        assertThat(topics.feedsStatus().spec().configs())
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        assertThat(topics.articlesRaw().spec().configs())
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)
                .containsKey(TopicConfig.RETENTION_MS_CONFIG);
    }

    @Test
    void everyTopicTakesWhatEveryProducerMaySend() {
        // a record a producer may send must fit every topic, or a job that accepted it cannot pass it on
        assertThat(Topics.withDefaultPrefix().all()).allSatisfy(topic -> assertThat(
                Integer.parseInt(topic.spec().configs().get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG)))
                .isGreaterThanOrEqualTo(RecordLimits.MAX_REQUEST_BYTES));
    }
}
