package io.mediamonitor.enrich;

import io.mediamonitor.model.Article;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time is the article's publication time, not when Kafka received it: windows, baselines and
 * backtests then agree however late an article is fetched. Records without an article (which
 * should not reach here) keep the broker timestamp.
 */
public final class ArticleTimestampExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof Article article && article.getPublishedAt() != null) {
            return article.getPublishedAt().toEpochMilli();
        }
        return record.timestamp();
    }
}
