package io.mediamonitor.alerts.stream;

import io.mediamonitor.model.AlertArticle;
import io.mediamonitor.model.Article;
import io.mediamonitor.model.EnrichedArticle;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Each enriched article as a publication of its source, keyed by source and timed by when ingest fetched it, not
 * when it was published: the silence watcher's stream time is then how far the input has been read, which a
 * backlog read hours after it was fetched does not move to the present (see {@link SilenceWatcher}).
 */
final class SourceArticles implements Processor<String, EnrichedArticle, String, AlertArticle> {

    private ProcessorContext<String, AlertArticle> context;

    @Override
    public void init(ProcessorContext<String, AlertArticle> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        Article article = record.value().getArticle();
        context.forward(record.withKey(article.getSource())
                .withValue(new AlertArticle(article.getTitle(), article.getUrl(), article.getSource(),
                        article.getPublishedAt()))
                .withTimestamp(article.getFetchedAt().toEpochMilli()));
    }
}
