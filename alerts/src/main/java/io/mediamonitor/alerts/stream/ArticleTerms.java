package io.mediamonitor.alerts.stream;

import io.mediamonitor.model.AlertArticle;
import io.mediamonitor.model.EnrichedArticle;
import io.mediamonitor.schema.MentionedTerms;
import java.util.List;
import org.apache.kafka.streams.KeyValue;

/**
 * The terms an enriched article explains, each with its display name: the same terms enrich
 * counts (pairs always, so they can be explained whatever enrich's setting).
 */
final class ArticleTerms {

    private ArticleTerms() {
    }

    static List<KeyValue<String, LabelledArticle>> of(EnrichedArticle enriched) {
        AlertArticle article = new AlertArticle(enriched.getArticle().getTitle(), enriched.getArticle().getUrl(),
                enriched.getArticle().getSource(), enriched.getArticle().getPublishedAt());
        return MentionedTerms.of(enriched, true).stream()
                .map(term -> KeyValue.pair(term.term(), new LabelledArticle(term.label(), article)))
                .toList();
    }
}
