package io.mediamonitor.enrich;

import io.mediamonitor.model.Article;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time is the article's publication time, not when Kafka received it: windows, baselines and
 * backtests then agree however late an article is fetched. Records without an article (which
 * should not reach here) keep the broker timestamp.
 */
public final class ArticleTimestampExtractor implements TimestampExtractor {

    /**
     * What keeps an article from having an event time, or null: a publication date before 1970 has no epoch
     * millisecond Kafka takes (a record with one would be dropped with a warning, neither enriched nor dead-lettered).
     */
    public static String undated(Article article) {
        Instant published = article.getPublishedAt();
        return published != null && published.isBefore(Instant.EPOCH)
                ? "publishedAt " + published + " is before 1970: no event time" : null;
    }

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof Article article && article.getPublishedAt() != null) {
            return article.getPublishedAt().toEpochMilli();
        }
        return record.timestamp();
    }
}
