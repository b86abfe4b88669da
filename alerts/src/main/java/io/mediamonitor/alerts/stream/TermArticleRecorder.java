package io.mediamonitor.alerts.stream;

import io.mediamonitor.model.AlertArticle;
import io.mediamonitor.model.state.TermArticles;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Remembers the latest articles of each term, keyed by term like media.mentions, so an alert on
 * the term can show the articles behind it.
 */
final class TermArticleRecorder implements Processor<String, LabelledArticle, Void, Void> {

    static final String STORE = "term-articles";
    static final int KEPT_PER_TERM = 40;
    /** Also kept here: the oldest article this task has seen, i.e. since when it has been watching. */
    static final String EARLIEST = "\u0000earliest";

    private KeyValueStore<String, TermArticles> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, LabelledArticle> record) {
        rememberIfEarliest(record.value().article());
        TermArticles previous = store.get(record.key());
        List<AlertArticle> articles = previous == null ? new ArrayList<>() : new ArrayList<>(previous.getArticles());
        AlertArticle article = record.value().article();
        if (articles.stream().anyMatch(a -> a.getUrl().equals(article.getUrl()))) {
            return;
        }
        articles.add(article);
        if (articles.size() > KEPT_PER_TERM) {
            articles.subList(0, articles.size() - KEPT_PER_TERM).clear();
        }
        store.put(record.key(), new TermArticles(record.value().label(), articles));
    }

    /**
     * A feed's backlog arrives at start-up in one burst, most of it too late for the windows; but it
     * still shows since when the sources have been read, and so since when a rare term was absent.
     */
    private void rememberIfEarliest(AlertArticle article) {
        TermArticles earliest = store.get(EARLIEST);
        if (earliest == null || article.getPublishedAt().isBefore(earliest.getArticles().get(0).getPublishedAt())) {
            store.put(EARLIEST, new TermArticles("earliest", List.of(article)));
        }
    }

    /** Publication time of the oldest article seen, or null. */
    static java.time.Instant earliest(KeyValueStore<String, TermArticles> store) {
        TermArticles earliest = store.get(EARLIEST);
        return earliest == null ? null : earliest.getArticles().get(0).getPublishedAt();
    }
}
