package io.mediamonitor.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void defaultNamesFollowTheCatalogue() {
        Topics topics = Topics.withDefaultPrefix();

        assertThat(topics.all()).extracting(Topic::name).contains(
                "media.articles.raw", "media.articles.enriched", "media.mentions", "media.alerts",
                "media.feeds.status", "media.deadletter");
    }

    @Test
    void prefixAppliesToEveryTopic() {
        Topics topics = new Topics("staging.media.");

        assertThat(topics.all()).allSatisfy(t -> assertThat(t.name()).startsWith("staging.media."));
        assertThat(topics.alerts().name()).isEqualTo("staging.media.alerts");
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
