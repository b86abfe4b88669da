package io.mediamonitor.app.dashboard;

import io.mediamonitor.kafka.TopicFollower;
import io.mediamonitor.model.EnrichedArticle;
import io.mediamonitor.schema.Topics;
import java.util.Map;

/** The enriched articles topic from its latest records on, committed only, kept in {@link RecentArticles}. */
public final class KafkaRecentArticles implements AutoCloseable {

    private final RecentArticles articles;
    private final TopicFollower<String, EnrichedArticle> follower;

    public KafkaRecentArticles(Topics topics, Map<String, Object> clientConfig, int capacity) {
        this.articles = new RecentArticles(capacity);
        // the newest of a month of articles: the last offsets of each partition, not the whole log
        long perPartition = Math.max(1, capacity / topics.articlesEnriched().spec().partitions()) + 1;
        this.follower = TopicFollower.of(topics.articlesEnriched(), clientConfig).fromLast(perPartition)
                .waitForTopics().build();
    }

    public KafkaRecentArticles start() {
        follower.follow("dashboard-articles", record -> {
            if (record.value() != null) {
                articles.add(record.value());
            }
        });
        return this;
    }

    public RecentArticles articles() {
        return articles;
    }

    @Override
    public void close() {
        follower.close();
    }
}
