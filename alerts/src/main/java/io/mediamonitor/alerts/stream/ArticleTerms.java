package io.mediamonitor.alerts.stream;

import io.mediamonitor.enrich.Terms;
import io.mediamonitor.model.ActorTag;
import io.mediamonitor.model.AlertArticle;
import io.mediamonitor.model.CountryTag;
import io.mediamonitor.model.EnrichedArticle;
import io.mediamonitor.model.KeywordTag;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;

/** The terms an enriched article explains, each with its display name. Mirrors enrich's MentionExtractor. */
final class ArticleTerms {

    private ArticleTerms() {
    }

    static List<KeyValue<String, LabelledArticle>> of(EnrichedArticle enriched) {
        AlertArticle article = new AlertArticle(enriched.getArticle().getTitle(), enriched.getArticle().getUrl(),
                enriched.getArticle().getSource(), enriched.getArticle().getPublishedAt());
        List<KeyValue<String, LabelledArticle>> terms = new ArrayList<>();
        for (CountryTag country : enriched.getCountries()) {
            terms.add(KeyValue.pair(Terms.country(country.getCode()), new LabelledArticle(country.getName(), article)));
        }
        for (ActorTag actor : enriched.getActors()) {
            terms.add(KeyValue.pair(Terms.actor(actor.getId()), new LabelledArticle(actor.getName(), article)));
            for (CountryTag country : enriched.getCountries()) {
                terms.add(KeyValue.pair(Terms.pair(actor.getId(), country.getCode()),
                        new LabelledArticle(actor.getName() + " × " + country.getName(), article)));
            }
        }
        for (KeywordTag keyword : enriched.getKeywords()) {
            terms.add(KeyValue.pair(Terms.keyword(keyword.getKeyword()), new LabelledArticle(keyword.getKeyword(), article)));
        }
        return terms;
    }
}
