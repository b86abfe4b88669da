package io.mediamonitor.enrich;

import io.mediamonitor.model.ActorTag;
import io.mediamonitor.model.CountryTag;
import io.mediamonitor.model.EnrichedArticle;
import io.mediamonitor.model.KeywordTag;
import io.mediamonitor.model.state.MentionEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;

/**
 * The terms an enriched article counts towards: each country, actor and keyword it mentions,
 * each actor×country pair when enabled, and {@link Terms#TOTAL} for every article.
 */
public final class MentionExtractor {

    private final boolean countPairs;

    public MentionExtractor(boolean countPairs) {
        this.countPairs = countPairs;
    }

    public List<KeyValue<String, MentionEvent>> mentions(EnrichedArticle enriched) {
        MentionEvent event = new MentionEvent(enriched.getArticle().getId(), enriched.getStoryId(),
                enriched.getArticle().getSource(), enriched.getArticle().getPublishedAt(), null);
        List<KeyValue<String, MentionEvent>> mentions = new ArrayList<>();
        mentions.add(KeyValue.pair(Terms.TOTAL, event));
        for (CountryTag country : enriched.getCountries()) {
            mentions.add(KeyValue.pair(Terms.country(country.getCode()), event));
        }
        for (ActorTag actor : enriched.getActors()) {
            mentions.add(KeyValue.pair(Terms.actor(actor.getId()), event));
            if (countPairs) {
                for (CountryTag country : enriched.getCountries()) {
                    mentions.add(KeyValue.pair(Terms.pair(actor.getId(), country.getCode()), event));
                }
            }
        }
        for (KeywordTag keyword : enriched.getKeywords()) {
            mentions.add(KeyValue.pair(Terms.keyword(keyword.getKeyword()), event));
        }
        return mentions;
    }
}
