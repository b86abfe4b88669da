package io.mediamonitor.enrich;

import io.mediamonitor.model.AlertArticle;
import io.mediamonitor.model.Article;
import io.mediamonitor.model.EnrichedArticle;
import io.mediamonitor.model.MentionedArticle;
import io.mediamonitor.schema.MentionedTerms;
import java.util.List;
import org.apache.kafka.streams.KeyValue;

/**
 * An enriched article once per term it is counted towards, keyed by the term: what media.mentions.articles
 * carries, so an alert on a term can list the articles of its window.
 */
final class MentionedArticles {

    private MentionedArticles() {
    }

    static List<KeyValue<String, MentionedArticle>> of(EnrichedArticle enriched, boolean pairs) {
        Article article = enriched.getArticle();
        AlertArticle listed = new AlertArticle(article.getTitle(), article.getUrl(), article.getSource(),
                article.getPublishedAt());
        return MentionedTerms.of(enriched, pairs).stream()
                .map(term -> KeyValue.pair(term.term(),
                        new MentionedArticle(term.term(), term.label(), article.getId(), listed)))
                .toList();
    }
}
